import CDLMSOpenSSL

/// Small helpers that turn OpenSSL's C conventions (1 for success, `int`
/// lengths, an error queue) into `SecurityError`s. Messages name the failing
/// call and OpenSSL's reason; they never contain key material (OpenSSL's
/// reason strings do not either).
enum OpenSSLCall {
    /// Throws unless an EVP call returned 1 (its success value).
    static func check(_ status: Int32, _ call: String) throws(SecurityError) {
        guard status == 1 else { throw failure(call) }
    }

    /// The error for a failed call, with OpenSSL's first queued reason; the
    /// thread's error queue is emptied so that it does not leak into later calls.
    static func failure(_ call: String) -> SecurityError {
        let code = ERR_get_error()
        var reason = ""
        if code != 0 {
            var buffer = [CChar](repeating: 0, count: 256)
            buffer.withUnsafeMutableBufferPointer { ERR_error_string_n(code, $0.baseAddress, $0.count) }
            let text = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
            reason = ": " + String(decoding: text, as: UTF8.self)
        }
        ERR_clear_error()
        return SecurityError("OpenSSL \(call) failed\(reason)")
    }

    /// Empties the thread's OpenSSL error queue after an expected failure (a
    /// tag or key-wrap integrity check that did not hold is a verdict, not an error).
    static func discardErrors() {
        ERR_clear_error()
    }

    /// `count` as the `int` length EVP takes, or an error when it does not fit.
    static func length(_ count: Int, of what: String) throws(SecurityError) -> Int32 {
        guard let length = Int32(exactly: count) else {
            throw SecurityError("\(what) of \(count) bytes is longer than OpenSSL accepts in one call")
        }
        return length
    }
}
