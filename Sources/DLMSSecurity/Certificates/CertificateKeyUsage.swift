import CDLMSOpenSSL

/// The X.509 key usage extension's bits (RFC 5280 §4.2.1.3). DLMS
/// certificates separate digital-signature keys from key-agreement keys and
/// CA keys (Green Book, public key certificates; spec-notes §4.4). The raw
/// values are OpenSSL's `KU_*` masks.
public struct CertificateKeyUsage: OptionSet, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: UInt32

    public init(rawValue: UInt32) {
        self.rawValue = rawValue
    }

    public static let digitalSignature = CertificateKeyUsage(rawValue: UInt32(truncatingIfNeeded: KU_DIGITAL_SIGNATURE))
    public static let nonRepudiation = CertificateKeyUsage(rawValue: UInt32(truncatingIfNeeded: KU_NON_REPUDIATION))
    public static let keyEncipherment = CertificateKeyUsage(rawValue: UInt32(truncatingIfNeeded: KU_KEY_ENCIPHERMENT))
    public static let dataEncipherment = CertificateKeyUsage(rawValue: UInt32(truncatingIfNeeded: KU_DATA_ENCIPHERMENT))
    public static let keyAgreement = CertificateKeyUsage(rawValue: UInt32(truncatingIfNeeded: KU_KEY_AGREEMENT))
    public static let keyCertSign = CertificateKeyUsage(rawValue: UInt32(truncatingIfNeeded: KU_KEY_CERT_SIGN))
    public static let cRLSign = CertificateKeyUsage(rawValue: UInt32(truncatingIfNeeded: KU_CRL_SIGN))

    /// Every named bit with the name OpenSSL's configuration syntax (and
    /// RFC 5280's ASN.1) gives it, in bit order.
    static let named: [(CertificateKeyUsage, String)] = [
        (.digitalSignature, "digitalSignature"),
        (.nonRepudiation, "nonRepudiation"),
        (.keyEncipherment, "keyEncipherment"),
        (.dataEncipherment, "dataEncipherment"),
        (.keyAgreement, "keyAgreement"),
        (.keyCertSign, "keyCertSign"),
        (.cRLSign, "cRLSign"),
    ]

    /// The set bits' names, comma-separated ("digitalSignature, keyAgreement").
    public var description: String {
        Self.named.filter { contains($0.0) }.map(\.1).joined(separator: ", ")
    }
}
