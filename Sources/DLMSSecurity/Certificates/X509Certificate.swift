import CDLMSOpenSSL
import DLMSCore
import Foundation

/// An X.509 v3 certificate as suites 1 and 2 use them: the certificate of a
/// party's ECDSA signing key or ECDH key-agreement key, issued by a CA,
/// with the party's system title as the subject common name (Green Book,
/// public key certificates and the Security setup certificate methods;
/// spec-notes §4.4, §4.5). Parsed once by OpenSSL; the fields are kept.
///
/// Equality and hashing are by the DER encoding.
public struct X509Certificate: Sendable, Hashable, CustomStringConvertible {
    /// The DER encoding.
    public let der: [UInt8]
    /// The subject in RFC 2253 one-line form, UTF-8 ("CN=4D4D4D0000BC614E,O=Example").
    public let subject: String
    /// The issuer in RFC 2253 one-line form.
    public let issuer: String
    /// The subject's (last) common name.
    public let subjectCommonName: String?
    /// The issuer's (last) common name.
    public let issuerCommonName: String?
    /// The serial number in upper-case hex, big-endian, no separators
    /// ("-" first for the negative serials some broken issuers write).
    public let serialNumber: String
    /// The start of the validity period.
    public let notBefore: Date
    /// The end of the validity period.
    public let notAfter: Date
    /// The key usage extension, or nil when the certificate has none (every
    /// usage allowed).
    public let keyUsage: CertificateKeyUsage?
    /// Whether basic constraints mark the subject as a CA.
    public let isCA: Bool
    /// The subject public key when it is an EC key on P-256 or P-384, else nil.
    public let publicKey: ECPublicKey?
    /// The SHA-256 of the DER encoding, upper-case hex without separators.
    public let sha256Fingerprint: String

    /// The certificate of exactly the DER bytes `der` (no trailing bytes).
    public init(der: [UInt8]) throws(SecurityError) {
        let handle = try X509Handle(der: der)
        try self.init(handle: handle, der: der)
    }

    /// The system title in the subject common name: DLMS certificates name
    /// the subject by its 8-byte system title written as 16 hex digits
    /// ("4D4D4D0000BC614E"). Nil when the CN is not exactly that.
    public var systemTitle: [UInt8]? {
        guard let name = subjectCommonName, name.utf8.count == 16,
              name.utf8.allSatisfy({ Hex.nibble($0) != nil })
        else { return nil }
        return Hex.decode(name)
    }

    /// Subject, serial number and validity, for listings.
    public var description: String {
        "certificate \(subject) issued by \(issuer), serial \(serialNumber), valid "
            + "\(notBefore.formatted(.iso8601)) to \(notAfter.formatted(.iso8601))"
    }

    public static func == (lhs: X509Certificate, rhs: X509Certificate) -> Bool {
        lhs.der == rhs.der
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(der)
    }

    /// Reads every field of a parsed certificate.
    init(handle: borrowing X509Handle, der: [UInt8]) throws(SecurityError) {
        let certificate = handle.pointer
        self.der = der
        subject = X509NameText.rfc2253(X509_get_subject_name(certificate))
        issuer = X509NameText.rfc2253(X509_get_issuer_name(certificate))
        subjectCommonName = X509NameText.attribute(NID_commonName, of: X509_get_subject_name(certificate))
        issuerCommonName = X509NameText.attribute(NID_commonName, of: X509_get_issuer_name(certificate))
        serialNumber = try Self.hexSerial(X509_get0_serialNumber(certificate))
        notBefore = try Self.date(X509_get0_notBefore(certificate), "notBefore")
        notAfter = try Self.date(X509_get0_notAfter(certificate), "notAfter")

        // X509_get_extension_flags caches the extensions first; a certificate
        // whose extensions do not decode is flagged invalid.
        let flags = X509_get_extension_flags(certificate)
        guard flags & UInt32(truncatingIfNeeded: EXFLAG_INVALID) == 0 else {
            OpenSSLCall.discardErrors()
            throw SecurityError("the certificate's extensions are malformed")
        }
        keyUsage = flags & UInt32(truncatingIfNeeded: EXFLAG_KUSAGE) != 0
            ? CertificateKeyUsage(rawValue: X509_get_key_usage(certificate)) : nil
        isCA = flags & UInt32(truncatingIfNeeded: EXFLAG_CA) != 0

        if let key = try? handle.publicKey() {
            publicKey = try? ECPublicKey(evpKey: key)
        } else {
            publicKey = nil
        }
        OpenSSLCall.discardErrors()
        sha256Fingerprint = Hex.encode(try Digest.sha256.hash(der))
    }

    private static func hexSerial(_ serial: UnsafePointer<ASN1_INTEGER>?) throws(SecurityError) -> String {
        guard let serial, let converted = ASN1_INTEGER_to_BN(serial, nil) else {
            throw OpenSSLCall.failure("ASN1_INTEGER_to_BN (serial number)")
        }
        let number = BigNumber(taking: converted)
        let bytes = try number.minimalBytes()
        return (number.isNegative ? "-" : "") + (bytes.isEmpty ? "00" : Hex.encode(bytes))
    }

    private static func date(_ time: UnsafePointer<ASN1_TIME>?, _ what: String) throws(SecurityError) -> Date {
        var parts = tm()
        guard let time, ASN1_TIME_to_tm(time, &parts) == 1 else {
            throw OpenSSLCall.failure("ASN1_TIME_to_tm (\(what))")
        }
        return Date(timeIntervalSince1970: TimeInterval(timegm(&parts)))
    }
}
