/// Reading and writing private keys as files: PKCS#8 (RFC 5958) or SEC 1
/// "EC PRIVATE KEY" (RFC 5915), PEM or DER. Encrypted keys are refused
/// rather than prompted for.
extension ECPrivateKey {
    /// The key of a "PRIVATE KEY" (PKCS#8) or "EC PRIVATE KEY" (SEC 1) PEM.
    public init(pem: [UInt8]) throws(SecurityError) {
        let key = try EVPKey.privateKey(pem: pem)
        try self.init(evpKey: key)
    }

    /// The key of a DER PKCS#8 or SEC 1 structure.
    public init(der: [UInt8]) throws(SecurityError) {
        let key = try EVPKey.privateKey(der: der)
        try self.init(evpKey: key)
    }

    /// The key in the file at `path`, PEM or DER (told apart by content).
    public init(contentsOfFile path: String) throws(SecurityError) {
        let bytes = try OpenSSLBIO.contents(ofFile: path, what: "private key file")
        if OpenSSLBIO.isPEM(bytes) {
            try self.init(pem: bytes)
        } else {
            try self.init(der: bytes)
        }
    }

    /// The unencrypted PKCS#8 PEM ("-----BEGIN PRIVATE KEY-----"): secret text.
    public func pemPKCS8() throws(SecurityError) -> String {
        try evpKey().privatePKCS8PEM()
    }

    /// The key pair of an OpenSSL key on P-256 or P-384. The public key is
    /// recomputed from the scalar, so a file whose stored public key does
    /// not match its scalar cannot smuggle in another public key.
    init(evpKey: borrowing EVPKey) throws(SecurityError) {
        let curve = try evpKey.curve()
        try self.init(curve: curve, scalar: evpKey.privateScalar(curve: curve))
    }

    /// The key pair as an OpenSSL key, for one operation.
    func evpKey() throws(SecurityError) -> EVPKey {
        let number = try BigNumber(bytes: secretScalar, secret: true)
        return try EVPKey(curve: curve, point: publicKey.point, scalar: number.pointer)
    }
}
