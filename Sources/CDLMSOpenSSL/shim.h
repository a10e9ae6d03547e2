#ifndef CDLMSOPENSSL_SHIM_H
#define CDLMSOPENSSL_SHIM_H

#include <openssl/evp.h>
#include <openssl/crypto.h>
#include <openssl/err.h>

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

#endif
