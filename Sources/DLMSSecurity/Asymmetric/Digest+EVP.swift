import CDLMSOpenSSL

/// The OpenSSL handles of the digests, for the signing, key-derivation and
/// certificate code (which name a digest rather than hash data themselves).
extension Digest {
    /// The `EVP_MD` (OpenSSL's built-in, never freed).
    var evpMD: OpaquePointer? {
        switch self {
        case .md5: EVP_md5()
        case .sha1: EVP_sha1()
        case .sha256: EVP_sha256()
        case .sha384: EVP_sha384()
        }
    }

    /// The name OpenSSL's providers fetch the digest by (the value of a
    /// `digest` parameter, such as the SSKDF's).
    var openSSLName: String {
        switch self {
        case .md5: "MD5"
        case .sha1: "SHA1"
        case .sha256: "SHA256"
        case .sha384: "SHA384"
        }
    }
}
