import CDLMSOpenSSL

/// The message digests DLMS uses, through OpenSSL's `EVP_Digest`: MD5 and
/// SHA-1 (HLS mechanisms 3 and 4), SHA-256 (HLS mechanism 6, suite 1 KDF and
/// ECDSA) and SHA-384 (suite 2 KDF and ECDSA).
public enum Digest: String, Sendable, Hashable, CaseIterable {
    case md5
    case sha1
    case sha256
    case sha384

    /// The digest length in bytes.
    public var outputCount: Int {
        switch self {
        case .md5: 16
        case .sha1: 20
        case .sha256: 32
        case .sha384: 48
        }
    }

    /// The digest of `data`.
    public func hash(_ data: [UInt8]) throws(SecurityError) -> [UInt8] {
        guard let algorithm else { throw SecurityError("OpenSSL does not provide \(rawValue)") }
        guard dlms_evp_md_size(algorithm) == Int32(clamping: outputCount) else {
            throw SecurityError("OpenSSL's \(rawValue) digest is not \(outputCount) bytes")
        }
        var output = [UInt8](repeating: 0, count: outputCount)
        var written: UInt32 = 0
        let status = output.withUnsafeMutableBufferPointer { outputBytes in
            data.withUnsafeBytes { input in
                EVP_Digest(input.baseAddress, input.count, outputBytes.baseAddress, &written, algorithm, nil)
            }
        }
        try OpenSSLCall.check(status, "EVP_Digest (\(rawValue))")
        guard written == UInt32(clamping: outputCount) else {
            throw SecurityError("OpenSSL EVP_Digest (\(rawValue)) wrote \(written) bytes, not \(outputCount)")
        }
        return output
    }

    /// The digest of the concatenation of `parts` (the HLS constructions hash
    /// challenge ‖ secret and the like).
    public func hash(concatenating parts: [[UInt8]]) throws(SecurityError) -> [UInt8] {
        try hash(parts.flatMap { $0 })
    }

    private var algorithm: OpaquePointer? {
        switch self {
        case .md5: EVP_md5()
        case .sha1: EVP_sha1()
        case .sha256: EVP_sha256()
        case .sha384: EVP_sha384()
        }
    }
}
