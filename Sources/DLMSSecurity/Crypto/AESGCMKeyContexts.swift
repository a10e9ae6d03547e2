import CDLMSOpenSSL

/// The OpenSSL contexts one `AESGCMKey` owns, each keyed once: a GCM
/// encryptor (seal, GMAC), a GCM decryptor (open, with EVP comparing the
/// 12-byte tag) and an AES-CTR context for the tagless keystream
/// (encryption-only policy, see `AESGCMKey+Keystream.swift`).
struct AESGCMKeyContexts: ~Copyable {
    let sealer: EVPCipherContext
    let opener: EVPCipherContext
    let keystream: EVPCipherContext

    init(key: [UInt8]) throws(SecurityError) {
        let gcm: OpaquePointer?
        let ctr: OpaquePointer?
        switch key.count {
        case 16: (gcm, ctr) = (EVP_aes_128_gcm(), EVP_aes_128_ctr())
        case 32: (gcm, ctr) = (EVP_aes_256_gcm(), EVP_aes_256_ctr())
        default:
            throw SecurityError("an AES-GCM key is 16 bytes (AES-128) or 32 bytes (AES-256), not \(key.count) bytes")
        }
        let bits = key.count * 8
        let sealer = try EVPCipherContext(cipher: gcm, name: "AES-\(bits)-GCM", key: key, encrypt: true)
        let opener = try EVPCipherContext(cipher: gcm, name: "AES-\(bits)-GCM", key: key, encrypt: false)
        let keystream = try EVPCipherContext(cipher: ctr, name: "AES-\(bits)-CTR", key: key, encrypt: true)
        self.sealer = sealer
        self.opener = opener
        self.keystream = keystream
    }
}
