import CDLMSOpenSSL

/// Comparisons of authentication values that do not leak, by their timing,
/// how many leading bytes matched (OpenSSL's `CRYPTO_memcmp`).
public enum ConstantTime {
    /// Whether `a` and `b` are equal; different lengths are never equal.
    public static func equal(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        guard !a.isEmpty else { return true }
        return a.withUnsafeBytes { left in
            b.withUnsafeBytes { right in
                CRYPTO_memcmp(left.baseAddress, right.baseAddress, a.count) == 0
            }
        }
    }
}
