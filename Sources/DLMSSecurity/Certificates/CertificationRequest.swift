import CDLMSOpenSSL

/// A PKCS#10 certification request (RFC 2986), as the Security setup
/// method generate_certificate_request returns it (Green Book, Security
/// setup class 64; spec-notes §4.5): the server's subject name and public
/// key, signed with the matching private key. Parsed once by OpenSSL; the
/// fields are kept. Equality and hashing are by the DER encoding.
public struct CertificationRequest: Sendable, Hashable, CustomStringConvertible {
    /// The DER encoding.
    public let der: [UInt8]
    /// The subject in RFC 2253 one-line form, UTF-8.
    public let subject: String
    /// The subject's (last) common name (in DLMS the system title in hex).
    public let subjectCommonName: String?
    /// The requested public key when it is an EC key on P-256 or P-384, else nil.
    public let publicKey: ECPublicKey?
    /// Whether the request's signature verifies under its own public key
    /// (proof that the requester holds the private key).
    public let isSignatureValid: Bool

    /// The request of exactly the DER bytes `der` (no trailing bytes).
    public init(der: [UInt8]) throws(SecurityError) {
        let handle = try X509RequestHandle(der: der)
        self.init(handle: handle, der: der)
    }

    /// The first request of a PEM text ("CERTIFICATE REQUEST").
    public init(pem: [UInt8]) throws(SecurityError) {
        let handle = try X509RequestHandle(pem: pem)
        self.init(handle: handle, der: try handle.der())
    }

    /// "certification request" with the subject.
    public var description: String { "certification request \(subject)" }

    public static func == (lhs: CertificationRequest, rhs: CertificationRequest) -> Bool {
        lhs.der == rhs.der
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(der)
    }

    init(handle: borrowing X509RequestHandle, der: [UInt8]) {
        let request = handle.pointer
        self.der = der
        subject = X509NameText.rfc2253(X509_REQ_get_subject_name(request))
        subjectCommonName = X509NameText.attribute(NID_commonName, of: X509_REQ_get_subject_name(request))
        if let key = X509_REQ_get_pubkey(request) {
            let owned = EVPKey(taking: key)
            publicKey = try? ECPublicKey(evpKey: owned)
            isSignatureValid = X509_REQ_verify(request, owned.pointer) == 1
        } else {
            publicKey = nil
            isSignatureValid = false
        }
        OpenSSLCall.discardErrors()
    }
}
