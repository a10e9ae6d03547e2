import CDLMSOpenSSL

/// Owns one OpenSSL `EVP_PKEY_CTX`, for ECDH (`EVP_PKEY_derive`) and key
/// generation. Noncopyable, so exactly one owner frees it.
struct EVPKeyContext: ~Copyable {
    let pointer: OpaquePointer

    /// A context operating with `key`.
    init(key: borrowing EVPKey) throws(SecurityError) {
        guard let context = EVP_PKEY_CTX_new_from_pkey(nil, key.pointer, nil) else {
            throw OpenSSLCall.failure("EVP_PKEY_CTX_new_from_pkey")
        }
        pointer = context
    }

    /// A context for generating EC keys.
    init() throws(SecurityError) {
        guard let context = EVP_PKEY_CTX_new_from_name(nil, dlms_key_type_ec(), nil) else {
            throw OpenSSLCall.failure("EVP_PKEY_CTX_new_from_name (EC)")
        }
        pointer = context
    }

    deinit {
        EVP_PKEY_CTX_free(pointer)
    }

    /// The ECDH shared secret of the context's key pair and `peer`: the
    /// x coordinate of the shared point, left-padded to the field size
    /// (SP 800-56A ECC CDH; spec-notes §4.4) [c07, c08, c10, c15].
    /// `EVP_PKEY_derive_set_peer` validates the peer's public key.
    func derive(peer: borrowing EVPKey) throws(SecurityError) -> [UInt8] {
        try OpenSSLCall.check(EVP_PKEY_derive_init(pointer), "EVP_PKEY_derive_init")
        try OpenSSLCall.check(EVP_PKEY_derive_set_peer(pointer, peer.pointer), "EVP_PKEY_derive_set_peer")
        var capacity = 0
        try OpenSSLCall.check(EVP_PKEY_derive(pointer, nil, &capacity), "EVP_PKEY_derive (length)")
        guard capacity > 0 else { throw SecurityError("OpenSSL EVP_PKEY_derive reported an empty secret") }
        var secret = [UInt8](repeating: 0, count: capacity)
        var written = capacity
        let status = secret.withUnsafeMutableBufferPointer { EVP_PKEY_derive(pointer, $0.baseAddress, &written) }
        try OpenSSLCall.check(status, "EVP_PKEY_derive")
        guard written == capacity else { throw SecurityError("OpenSSL EVP_PKEY_derive wrote \(written) bytes") }
        return secret
    }

    /// A new random key pair on `curve` (OpenSSL's DRBG).
    func generate(curve: ECCurve) throws(SecurityError) -> EVPKey {
        try OpenSSLCall.check(EVP_PKEY_keygen_init(pointer), "EVP_PKEY_keygen_init")
        try OpenSSLCall.check(
            EVP_PKEY_CTX_set_group_name(pointer, curve.staticGroupName), "EVP_PKEY_CTX_set_group_name"
        )
        var key: OpaquePointer?
        let status = EVP_PKEY_generate(pointer, &key)
        guard status == 1, let key else { throw OpenSSLCall.failure("EVP_PKEY_generate (\(curve))") }
        return EVPKey(taking: key)
    }
}
