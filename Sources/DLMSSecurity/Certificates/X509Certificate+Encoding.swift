import CDLMSOpenSSL

/// Certificates as files: DER, PEM ("-----BEGIN CERTIFICATE-----"), and PEM
/// chain files holding several certificates.
extension X509Certificate {
    /// The first certificate of a PEM text.
    public init(pem: [UInt8]) throws(SecurityError) {
        let handle = try X509Handle(pem: pem)
        try self.init(handle: handle, der: handle.der())
    }

    /// The certificate in the file at `path`, PEM or DER (told apart by content).
    public init(contentsOfFile path: String) throws(SecurityError) {
        let bytes = try OpenSSLBIO.contents(ofFile: path, what: "certificate file")
        if OpenSSLBIO.isPEM(bytes) {
            try self.init(pem: bytes)
        } else {
            try self.init(der: bytes)
        }
    }

    /// Every certificate of a PEM text (a chain file), in file order;
    /// throws when there is none or one does not parse.
    public static func certificates(pem: [UInt8]) throws(SecurityError) -> [X509Certificate] {
        let bio = try OpenSSLBIO(reading: pem)
        var certificates: [X509Certificate] = []
        while let pointer = PEM_read_bio_X509(bio.pointer, nil, dlms_pem_no_password_callback(), nil) {
            let handle = X509Handle(taking: pointer)
            try certificates.append(X509Certificate(handle: handle, der: handle.der()))
        }
        // The loop ends with a "no start line" error at the end of the text.
        OpenSSLCall.discardErrors()
        guard !certificates.isEmpty else { throw SecurityError("no PEM X.509 certificate found") }
        return certificates
    }

    /// The PEM text ("-----BEGIN CERTIFICATE-----").
    public func pem() throws(SecurityError) -> String {
        let handle = try X509Handle(der: der)
        let bio = try OpenSSLBIO(memorySecure: false)
        try OpenSSLCall.check(PEM_write_bio_X509(bio.pointer, handle.pointer), "PEM_write_bio_X509")
        return String(decoding: bio.memoryContents(), as: UTF8.self)
    }
}
