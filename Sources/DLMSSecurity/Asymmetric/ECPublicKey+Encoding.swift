/// Reading and writing public keys as files: SubjectPublicKeyInfo
/// (RFC 5480) in PEM or DER, or the subject key of an X.509 certificate
/// (how suite 1/2 keys are distributed; Green Book, public key certificates).
extension ECPublicKey {
    /// The key of a "PUBLIC KEY" (SubjectPublicKeyInfo) or "CERTIFICATE" PEM.
    public init(pem: [UInt8]) throws(SecurityError) {
        let key = try EVPKey.publicKey(pem: pem)
        try self.init(evpKey: key)
    }

    /// The key of a DER SubjectPublicKeyInfo or DER certificate.
    public init(der: [UInt8]) throws(SecurityError) {
        let key = try EVPKey.publicKey(der: der)
        try self.init(evpKey: key)
    }

    /// The key in the file at `path`: PEM or DER (told apart by content),
    /// SubjectPublicKeyInfo or certificate.
    public init(contentsOfFile path: String) throws(SecurityError) {
        let bytes = try OpenSSLBIO.contents(ofFile: path, what: "public key file")
        if OpenSSLBIO.isPEM(bytes) {
            try self.init(pem: bytes)
        } else {
            try self.init(der: bytes)
        }
    }

    /// The SubjectPublicKeyInfo PEM ("-----BEGIN PUBLIC KEY-----").
    public func pem() throws(SecurityError) -> String {
        try evpKey().publicPEM()
    }

    /// The DER SubjectPublicKeyInfo.
    public func der() throws(SecurityError) -> [UInt8] {
        try evpKey().publicDER()
    }

    /// The public key of an OpenSSL key (public or key pair) on P-256 or P-384.
    init(evpKey: borrowing EVPKey) throws(SecurityError) {
        let curve = try evpKey.curve()
        try self.init(curve: curve, point: evpKey.publicPoint(curve: curve))
    }

    /// The key as an OpenSSL key, for one operation.
    func evpKey() throws(SecurityError) -> EVPKey {
        try EVPKey(curve: curve, point: point, scalar: nil)
    }
}
