import CDLMSOpenSSL

/// Owns one OpenSSL `BIGNUM` and frees it with `BN_clear_free` (which
/// overwrites the digits first: a big number here may be a private scalar).
/// Noncopyable, so exactly one owner frees it.
struct BigNumber: ~Copyable {
    let pointer: OpaquePointer

    /// The unsigned big-endian integer `bytes`. A `secret` number is
    /// allocated with `BN_secure_new` (OpenSSL's secure heap when the
    /// application set one up, and flagged so that copies OpenSSL makes of it,
    /// such as an `OSSL_PARAM`, are cleared when freed).
    init(bytes: [UInt8], secret: Bool) throws(SecurityError) {
        guard let number = secret ? BN_secure_new() : BN_new() else { throw OpenSSLCall.failure("BN_new") }
        let length = try OpenSSLCall.length(bytes.count, of: "a big number")
        let converted = bytes.withUnsafeBufferPointer { BN_bin2bn($0.baseAddress, length, number) }
        guard converted != nil else {
            let error = OpenSSLCall.failure("BN_bin2bn")
            BN_clear_free(number)
            throw error
        }
        pointer = number
    }

    /// Takes ownership of a `BIGNUM` OpenSSL allocated for the caller.
    init(taking pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit {
        BN_clear_free(pointer)
    }

    /// Whether the number is zero.
    var isZero: Bool { BN_is_zero(pointer) == 1 }

    /// Whether the number is negative.
    var isNegative: Bool { BN_is_negative(pointer) == 1 }

    /// The magnitude as big-endian bytes, left-padded with zeros to `count`;
    /// throws when it needs more than `count` bytes.
    func bytes(paddedTo count: Int) throws(SecurityError) -> [UInt8] {
        let length = try OpenSSLCall.length(count, of: "a big number")
        var output = [UInt8](repeating: 0, count: count)
        let written = output.withUnsafeMutableBufferPointer { BN_bn2binpad(pointer, $0.baseAddress, length) }
        guard written == length else {
            OpenSSLCall.discardErrors()
            throw SecurityError("a big number does not fit in \(count) bytes")
        }
        return output
    }

    /// The magnitude as minimal big-endian bytes (none for zero).
    func minimalBytes() throws(SecurityError) -> [UInt8] {
        try bytes(paddedTo: Int(dlms_bn_num_bytes(pointer)))
    }
}
