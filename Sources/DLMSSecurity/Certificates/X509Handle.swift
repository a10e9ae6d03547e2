import CDLMSOpenSSL

/// Owns one OpenSSL `X509` certificate (parsed or being built) and frees it
/// with the value; noncopyable, so exactly one owner frees it.
struct X509Handle: ~Copyable {
    let pointer: OpaquePointer

    /// Takes ownership of an `X509` OpenSSL allocated for the caller.
    init(taking pointer: OpaquePointer) {
        self.pointer = pointer
    }

    /// An empty certificate to fill in.
    init() throws(SecurityError) {
        guard let certificate = X509_new() else { throw OpenSSLCall.failure("X509_new") }
        pointer = certificate
    }

    /// The certificate of exactly the DER bytes `der`.
    init(der: [UInt8]) throws(SecurityError) {
        guard let certificate = DER.decode(der, with: { d2i_X509(nil, $0, $1) }, free: { X509_free($0) }) else {
            OpenSSLCall.discardErrors()
            throw SecurityError("not a DER X.509 certificate")
        }
        pointer = certificate
    }

    /// The first certificate of the PEM text `pem`.
    init(pem: [UInt8]) throws(SecurityError) {
        let bio = try OpenSSLBIO(reading: pem)
        guard let certificate = PEM_read_bio_X509(bio.pointer, nil, dlms_pem_no_password_callback(), nil) else {
            OpenSSLCall.discardErrors()
            throw SecurityError("no PEM X.509 certificate found")
        }
        pointer = certificate
    }

    deinit {
        X509_free(pointer)
    }

    /// The DER encoding.
    func der() throws(SecurityError) -> [UInt8] {
        try DER.encode("i2d_X509") { i2d_X509(pointer, $0) }
    }

    /// The subject public key as an OpenSSL key.
    func publicKey() throws(SecurityError) -> EVPKey {
        guard let key = X509_get_pubkey(pointer) else {
            OpenSSLCall.discardErrors()
            throw SecurityError("the certificate's public key cannot be read")
        }
        return EVPKey(taking: key)
    }
}
