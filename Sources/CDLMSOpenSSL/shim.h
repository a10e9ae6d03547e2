#ifndef CDLMSOPENSSL_SHIM_H
#define CDLMSOPENSSL_SHIM_H

#include <openssl/evp.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/kdf.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

/*
 * Static-inline shims for the parts of libcrypto that Swift cannot call
 * directly or that read badly from Swift (function-like macros, control
 * codes defined as macro aliases, void * arguments). Only DLMSSecurity
 * imports this module.
 */

/* Sets the expected GCM tag (and with it the tag length that EVP_DecryptFinal_ex
 * compares) before finalising a decryption. DLMS sends 12-byte tags. */
static inline int dlms_evp_gcm_set_tag(EVP_CIPHER_CTX *ctx, const unsigned char *tag, int length) {
    return EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_SET_TAG, length, (void *)tag);
}

/* Copies the leftmost `length` bytes of the GCM tag after EVP_EncryptFinal_ex. */
static inline int dlms_evp_gcm_get_tag(EVP_CIPHER_CTX *ctx, unsigned char *tag, int length) {
    return EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_GET_TAG, length, (void *)tag);
}

/* Sets the GCM IV length (DLMS always uses 12 bytes, which is also the default). */
static inline int dlms_evp_gcm_set_iv_length(EVP_CIPHER_CTX *ctx, int length) {
    return EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_SET_IVLEN, length, NULL);
}

/* Allows the RFC 3394 key-wrap ciphers on an EVP_CIPHER_CTX (required by the
 * legacy EVP layer, harmless with providers). */
static inline void dlms_evp_allow_wrap(EVP_CIPHER_CTX *ctx) {
    EVP_CIPHER_CTX_set_flags(ctx, EVP_CIPHER_CTX_FLAG_WRAP_ALLOW);
}

/* The length in bytes of a message digest's output. */
static inline int dlms_evp_md_size(const EVP_MD *md) {
    return EVP_MD_get_size(md);
}

/* ---- Suite 1/2 asymmetric cryptography and certificates (DLMSSecurity/Asymmetric, /Certificates) ---- */

/* EVP_PKEY_fromdata selections (multi-line macros Swift does not import). */
static inline int dlms_evp_pkey_selection_public_key(void) { return EVP_PKEY_PUBLIC_KEY; }
static inline int dlms_evp_pkey_selection_keypair(void) { return EVP_PKEY_KEYPAIR; }

/* The EC key type name as a C string with static storage (EVP_PKEY_CTX_new_from_name
 * may keep the pointer it is given). */
static inline const char *dlms_key_type_ec(void) { return "EC"; }

/* OSSL_PARAM names as C strings with static storage: an OSSL_PARAM keeps the
 * name pointer, so it must outlive the parameter array (a Swift String bridged
 * to `const char *` lives only for one call). */
static inline const char *dlms_param_group_name(void) { return OSSL_PKEY_PARAM_GROUP_NAME; }
static inline const char *dlms_param_private_key(void) { return OSSL_PKEY_PARAM_PRIV_KEY; }
static inline const char *dlms_param_public_key(void) { return OSSL_PKEY_PARAM_PUB_KEY; }
static inline const char *dlms_param_ec_public_x(void) { return OSSL_PKEY_PARAM_EC_PUB_X; }
static inline const char *dlms_param_ec_public_y(void) { return OSSL_PKEY_PARAM_EC_PUB_Y; }
static inline const char *dlms_param_kdf_digest(void) { return OSSL_KDF_PARAM_DIGEST; }
static inline const char *dlms_param_kdf_key(void) { return OSSL_KDF_PARAM_KEY; }
static inline const char *dlms_param_kdf_info(void) { return OSSL_KDF_PARAM_INFO; }

/* OPENSSL_free is a macro (it passes __FILE__/__LINE__ to CRYPTO_free). */
static inline void dlms_openssl_free(void *pointer) { OPENSSL_free(pointer); }

/* The bytes held by a memory BIO (BIO_get_mem_data is a macro); the pointer
 * stays owned by the BIO. */
static inline long dlms_bio_mem_data(BIO *bio, char **data) { return BIO_get_mem_data(bio, data); }

/* BN_num_bytes is a macro. */
static inline int dlms_bn_num_bytes(const BIGNUM *bn) { return BN_num_bytes(bn); }

/* X509_NAME_print_ex flags: RFC 2253 one-line form, but UTF-8 left as UTF-8
 * (XN_FLAG_RFC2253 would escape every byte above 0x7F as \XX). */
static inline unsigned long dlms_x509_name_flags_rfc2253_utf8(void) {
    return XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB;
}

/* X509_EXTENSION construction from the OpenSSL configuration syntax (for
 * "hash" / "keyid" key identifiers), with a zeroed context and no
 * configuration database (X509V3_set_ctx_nodb is a macro). */
static inline X509_EXTENSION *dlms_x509v3_extension(X509 *issuer, X509 *subject, X509_REQ *request, int nid,
                                                    const char *value) {
    X509V3_CTX context = {0};
    X509V3_set_ctx(&context, issuer, subject, request, NULL, 0);
    return X509V3_EXT_nconf_nid(NULL, &context, nid, value);
}

/* The curve group names as C strings with static storage (OSSL_PARAM_BLD keeps
 * the value pointer of a UTF-8 string until OSSL_PARAM_BLD_to_param). */
static inline const char *dlms_group_name_p256(void) { return SN_X9_62_prime256v1; }
static inline const char *dlms_group_name_p384(void) { return SN_secp384r1; }

/* MBSTRING_UTF8 (a macro of a macro) for X509_NAME_add_entry_by_NID. */
static inline int dlms_mbstring_utf8(void) { return MBSTRING_UTF8; }

/* A PEM password callback that never prompts: an encrypted private key fails
 * to load instead of OpenSSL reading a passphrase from the terminal. */
static inline int dlms_pem_no_password(char *buffer, int size, int rwflag, void *user) {
    (void)buffer; (void)size; (void)rwflag; (void)user;
    return -1;
}
static inline pem_password_cb *dlms_pem_no_password_callback(void) { return dlms_pem_no_password; }

#endif
