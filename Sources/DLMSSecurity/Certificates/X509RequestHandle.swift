import CDLMSOpenSSL

/// Owns one OpenSSL `X509_REQ` (PKCS#10 certification request) and frees
/// it with the value; noncopyable, so exactly one owner frees it.
struct X509RequestHandle: ~Copyable {
    let pointer: OpaquePointer

    /// An empty request to fill in.
    init() throws(SecurityError) {
        guard let request = X509_REQ_new() else { throw OpenSSLCall.failure("X509_REQ_new") }
        pointer = request
    }

    /// The request of exactly the DER bytes `der`.
    init(der: [UInt8]) throws(SecurityError) {
        guard let request = DER.decode(der, with: { d2i_X509_REQ(nil, $0, $1) }, free: { X509_REQ_free($0) }) else {
            OpenSSLCall.discardErrors()
            throw SecurityError("not a DER PKCS#10 certification request")
        }
        pointer = request
    }

    /// The first certification request of the PEM text `pem`.
    init(pem: [UInt8]) throws(SecurityError) {
        let bio = try OpenSSLBIO(reading: pem)
        guard let request = PEM_read_bio_X509_REQ(bio.pointer, nil, dlms_pem_no_password_callback(), nil) else {
            OpenSSLCall.discardErrors()
            throw SecurityError("no PEM certification request found")
        }
        pointer = request
    }

    deinit {
        X509_REQ_free(pointer)
    }

    /// The DER encoding.
    func der() throws(SecurityError) -> [UInt8] {
        try DER.encode("i2d_X509_REQ") { i2d_X509_REQ(pointer, $0) }
    }
}
