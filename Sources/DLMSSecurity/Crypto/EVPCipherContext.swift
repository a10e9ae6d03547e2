import CDLMSOpenSSL

/// Owns one OpenSSL `EVP_CIPHER_CTX`, keyed once at creation and freed when
/// the value goes away (noncopyable, so exactly one owner frees it).
///
/// Re-initialising with only an IV (`restart(iv:encrypt:)`) keeps the
/// expanded key: that is what lets `AESGCMKey` protect a stream of APDUs
/// without a key schedule per APDU.
struct EVPCipherContext: ~Copyable {
    let pointer: OpaquePointer

    /// A context for `cipher` keyed with `key`. The key length must be the
    /// cipher's (checked here, so that OpenSSL never reads past `key`).
    init(
        cipher: OpaquePointer?, name: String, key: [UInt8], encrypt: Bool, allowWrap: Bool = false
    ) throws(SecurityError) {
        guard let cipher else { throw SecurityError("OpenSSL does not provide \(name)") }
        guard Int(EVP_CIPHER_get_key_length(cipher)) == key.count else {
            throw SecurityError("\(name) takes a \(EVP_CIPHER_get_key_length(cipher))-byte key, not \(key.count) bytes")
        }
        guard let context = EVP_CIPHER_CTX_new() else { throw OpenSSLCall.failure("EVP_CIPHER_CTX_new") }
        if allowWrap { dlms_evp_allow_wrap(context) }
        let status = key.withUnsafeBufferPointer { keyBytes in
            EVP_CipherInit_ex(context, cipher, nil, keyBytes.baseAddress, nil, encrypt ? 1 : 0)
        }
        guard status == 1 else {
            let error = OpenSSLCall.failure("EVP_CipherInit_ex (\(name))")
            EVP_CIPHER_CTX_free(context)
            throw error
        }
        pointer = context
    }

    deinit {
        EVP_CIPHER_CTX_free(pointer)
    }

    /// Starts a new message under the same key with `iv` (whose length the
    /// caller has checked against the cipher's IV length).
    func restart(iv: [UInt8], encrypt: Bool) throws(SecurityError) {
        let status = iv.withUnsafeBufferPointer { ivBytes in
            EVP_CipherInit_ex(pointer, nil, nil, nil, ivBytes.baseAddress, encrypt ? 1 : 0)
        }
        try OpenSSLCall.check(status, "EVP_CipherInit_ex (new IV)")
    }

    /// Feeds additional authenticated data (GCM): an update without output.
    func authenticate(_ aad: [UInt8]) throws(SecurityError) {
        guard !aad.isEmpty else { return }
        let length = try OpenSSLCall.length(aad.count, of: "additional authenticated data")
        var written: Int32 = 0
        let status = aad.withUnsafeBufferPointer { input in
            EVP_CipherUpdate(pointer, nil, &written, input.baseAddress, length)
        }
        try OpenSSLCall.check(status, "EVP_CipherUpdate (AAD)")
    }

    /// Runs `input` through the cipher. `extraCapacity` is how much longer
    /// than the input the output may be (0 for the stream modes GCM and CTR,
    /// 8 for key wrap); the result is trimmed to what OpenSSL wrote.
    /// Nil when OpenSSL refuses the update (for key unwrap: the integrity
    /// check failed).
    func update(_ input: [UInt8], extraCapacity: Int = 0) throws(SecurityError) -> [UInt8]? {
        guard !input.isEmpty else { return [] }
        let length = try OpenSSLCall.length(input.count, of: "input")
        let (capacity, overflow) = input.count.addingReportingOverflow(extraCapacity)
        guard !overflow, Int32(exactly: capacity) != nil else {
            throw SecurityError("input of \(input.count) bytes is longer than OpenSSL accepts in one call")
        }
        var output = [UInt8](repeating: 0, count: capacity)
        var written: Int32 = 0
        let status = output.withUnsafeMutableBufferPointer { outputBytes in
            input.withUnsafeBufferPointer { inputBytes in
                EVP_CipherUpdate(pointer, outputBytes.baseAddress, &written, inputBytes.baseAddress, length)
            }
        }
        guard status == 1 else { return nil }
        guard written >= 0, Int(written) <= capacity else {
            throw SecurityError("OpenSSL EVP_CipherUpdate reported \(written) bytes for a \(capacity)-byte buffer")
        }
        output.removeLast(capacity - Int(written))
        return output
    }

    /// Finishes the message; false when OpenSSL refuses (for a GCM decryption:
    /// the tag did not verify). Stream modes write nothing here; the scratch
    /// buffer is one block, all a final step can write.
    func finish() -> Bool {
        var scratch = [UInt8](repeating: 0, count: 32)
        var written: Int32 = 0
        let status = scratch.withUnsafeMutableBufferPointer { EVP_CipherFinal_ex(pointer, $0.baseAddress, &written) }
        return status == 1 && written == 0
    }

    /// The leftmost `count` bytes of the GCM tag, after `finish()` of an encryption.
    func gcmTag(count: Int) throws(SecurityError) -> [UInt8] {
        var tag = [UInt8](repeating: 0, count: count)
        let length = try OpenSSLCall.length(count, of: "tag")
        let status = tag.withUnsafeMutableBufferPointer { dlms_evp_gcm_get_tag(pointer, $0.baseAddress, length) }
        try OpenSSLCall.check(status, "EVP_CIPHER_CTX_ctrl (get GCM tag)")
        return tag
    }

    /// Sets the tag a GCM decryption must end with; its length is the number
    /// of leftmost tag bytes `finish()` compares.
    func setGCMTag(_ tag: [UInt8]) throws(SecurityError) {
        let length = try OpenSSLCall.length(tag.count, of: "tag")
        let status = tag.withUnsafeBufferPointer { dlms_evp_gcm_set_tag(pointer, $0.baseAddress, length) }
        try OpenSSLCall.check(status, "EVP_CIPHER_CTX_ctrl (set GCM tag)")
    }
}
