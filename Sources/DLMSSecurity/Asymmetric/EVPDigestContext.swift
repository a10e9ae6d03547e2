import CDLMSOpenSSL

/// Owns one OpenSSL `EVP_MD_CTX` for a one-shot ECDSA signature or
/// verification (`EVP_DigestSign` / `EVP_DigestVerify`, which hash the
/// message with the suite's digest themselves). Noncopyable, so exactly one
/// owner frees it.
struct EVPDigestContext: ~Copyable {
    let pointer: OpaquePointer

    init() throws(SecurityError) {
        guard let context = EVP_MD_CTX_new() else { throw OpenSSLCall.failure("EVP_MD_CTX_new") }
        pointer = context
    }

    deinit {
        EVP_MD_CTX_free(pointer)
    }

    /// The DER ECDSA signature of `message` with `key` (a key pair) and `digest`.
    func sign(_ message: [UInt8], key: borrowing EVPKey, digest: Digest) throws(SecurityError) -> [UInt8] {
        try OpenSSLCall.check(EVP_DigestSignInit(pointer, nil, digest.evpMD, nil, key.pointer), "EVP_DigestSignInit")
        var capacity = 0
        try Self.withMessage(message) { bytes, count throws(SecurityError) in
            try OpenSSLCall.check(EVP_DigestSign(pointer, nil, &capacity, bytes, count), "EVP_DigestSign (length)")
        }
        guard capacity > 0 else { throw SecurityError("OpenSSL EVP_DigestSign reported an empty signature") }
        var output = [UInt8](repeating: 0, count: capacity)
        var written = capacity
        try Self.withMessage(message) { bytes, count throws(SecurityError) in
            let status = output.withUnsafeMutableBufferPointer {
                EVP_DigestSign(pointer, $0.baseAddress, &written, bytes, count)
            }
            try OpenSSLCall.check(status, "EVP_DigestSign")
        }
        guard written > 0, written <= capacity else { throw SecurityError("OpenSSL EVP_DigestSign wrote \(written) bytes") }
        return Array(output.prefix(written))
    }

    /// Whether the DER signature `signature` of `message` verifies under
    /// `key` with `digest`. A signature that does not verify is a verdict
    /// (false), not an error.
    func verify(
        _ signature: [UInt8], of message: [UInt8], key: borrowing EVPKey, digest: Digest
    ) throws(SecurityError) -> Bool {
        try OpenSSLCall.check(
            EVP_DigestVerifyInit(pointer, nil, digest.evpMD, nil, key.pointer), "EVP_DigestVerifyInit"
        )
        var status: Int32 = 0
        Self.withMessage(message) { bytes, count in
            status = signature.withUnsafeBufferPointer {
                EVP_DigestVerify(pointer, $0.baseAddress, $0.count, bytes, count)
            }
        }
        guard status == 1 else {
            OpenSSLCall.discardErrors()
            return false
        }
        return true
    }

    /// Lends `message` as a non-null pointer and its length (an empty
    /// message gets a pointer to a dummy byte and length 0).
    private static func withMessage<E: Error>(
        _ message: [UInt8], _ body: (UnsafePointer<UInt8>, Int) throws(E) -> Void
    ) throws(E) {
        let storage = message.isEmpty ? [0] : message
        let result: Result<Void, E> = storage.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return .success(()) }
            do throws(E) {
                try body(base, message.count)
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try result.get()
    }
}
