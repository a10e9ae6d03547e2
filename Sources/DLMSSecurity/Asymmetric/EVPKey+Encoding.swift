import CDLMSOpenSSL

/// Reading EC keys from PEM and DER, and writing them, through OpenSSL's
/// PEM and DER codecs: SubjectPublicKeyInfo (RFC 5480), PKCS#8
/// (RFC 5208 / 5958), SEC 1 "EC PRIVATE KEY" (RFC 5915) and the public key
/// of an X.509 certificate (DLMS suite 1/2 key management works with
/// certificates; Green Book, public key certificates).
extension EVPKey {
    /// The public key of a SubjectPublicKeyInfo PEM ("PUBLIC KEY") or of a
    /// certificate PEM ("CERTIFICATE").
    static func publicKey(pem: [UInt8]) throws(SecurityError) -> EVPKey {
        let bio = try OpenSSLBIO(reading: pem)
        if let key = PEM_read_bio_PUBKEY(bio.pointer, nil, dlms_pem_no_password_callback(), nil) {
            return EVPKey(taking: key)
        }
        OpenSSLCall.discardErrors()
        let certificate = try X509Handle(pem: pem)
        return try certificate.publicKey()
    }

    /// The public key of a DER SubjectPublicKeyInfo or of a DER certificate.
    static func publicKey(der: [UInt8]) throws(SecurityError) -> EVPKey {
        if let key = DER.decode(der, with: { d2i_PUBKEY(nil, $0, $1) }, free: { EVP_PKEY_free($0) }) {
            return EVPKey(taking: key)
        }
        OpenSSLCall.discardErrors()
        let certificate = try X509Handle(der: der)
        return try certificate.publicKey()
    }

    /// The private key of a PKCS#8 ("PRIVATE KEY") or SEC 1 ("EC PRIVATE
    /// KEY") PEM. An encrypted key is refused, never prompted for.
    static func privateKey(pem: [UInt8]) throws(SecurityError) -> EVPKey {
        let bio = try OpenSSLBIO(reading: pem, secure: true)
        guard let key = PEM_read_bio_PrivateKey(bio.pointer, nil, dlms_pem_no_password_callback(), nil) else {
            OpenSSLCall.discardErrors()
            throw SecurityError("no unencrypted EC private key (PKCS#8 or SEC 1 PEM) found")
        }
        return EVPKey(taking: key)
    }

    /// The private key of a DER PKCS#8 or SEC 1 structure.
    static func privateKey(der: [UInt8]) throws(SecurityError) -> EVPKey {
        guard let key = DER.decode(der, with: { d2i_AutoPrivateKey(nil, $0, $1) }, free: { EVP_PKEY_free($0) }) else {
            OpenSSLCall.discardErrors()
            throw SecurityError("no EC private key (PKCS#8 or SEC 1 DER) found")
        }
        return EVPKey(taking: key)
    }

    /// The SubjectPublicKeyInfo PEM of the key.
    func publicPEM() throws(SecurityError) -> String {
        let bio = try OpenSSLBIO(memorySecure: false)
        try OpenSSLCall.check(PEM_write_bio_PUBKEY(bio.pointer, pointer), "PEM_write_bio_PUBKEY")
        return String(decoding: bio.memoryContents(), as: UTF8.self)
    }

    /// The DER SubjectPublicKeyInfo of the key.
    func publicDER() throws(SecurityError) -> [UInt8] {
        try DER.encode("i2d_PUBKEY") { i2d_PUBKEY(pointer, $0) }
    }

    /// The unencrypted PKCS#8 PEM ("PRIVATE KEY") of a key pair.
    func privatePKCS8PEM() throws(SecurityError) -> String {
        let bio = try OpenSSLBIO(memorySecure: true)
        let status = PEM_write_bio_PKCS8PrivateKey(bio.pointer, pointer, nil, nil, 0, nil, nil)
        try OpenSSLCall.check(status, "PEM_write_bio_PKCS8PrivateKey")
        return String(decoding: bio.memoryContents(), as: UTF8.self)
    }
}
