/// The COSEM authentication mechanism name (Green Book): the last arc of
/// the object identifier 2.16.756.5.8.2.x, sent as `60 85 74 05 08 02 0x`.
public struct AuthenticationMechanism: COSEMEnumeration {
    public var rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    /// The mechanism from the content octets of its object identifier
    /// (`60 85 74 05 08 02 0x`); nil for any other identifier.
    public init?<Bytes: Collection>(objectIdentifier bytes: Bytes) where Bytes.Element == UInt8 {
        let content = Array(bytes)
        guard content.count == 7, content.prefix(6) == [0x60, 0x85, 0x74, 0x05, 0x08, 0x02] else { return nil }
        self.init(rawValue: content[6])
    }

    /// The Green Book names (COSEM_lowest_level_security_mechanism_name ...)
    /// in kebab case.
    public static let names: [UInt8: String] = [
        0: "lowest-level-security",
        1: "low-level-security",
        2: "high-level-security",
        3: "high-level-security-md5",
        4: "high-level-security-sha-1",
        5: "high-level-security-gmac",
        6: "high-level-security-sha-256",
        7: "high-level-security-ecdsa",
    ]

    /// The short form test tools print: "none", "LLS", "HLS", "HLS-MD5",
    /// "HLS-SHA1", "HLS-GMAC", "HLS-SHA256", "HLS-ECDSA".
    public var shortName: String? {
        switch rawValue {
        case 0: "none"
        case 1: "LLS"
        case 2: "HLS"
        case 3: "HLS-MD5"
        case 4: "HLS-SHA1"
        case 5: "HLS-GMAC"
        case 6: "HLS-SHA256"
        case 7: "HLS-ECDSA"
        default: nil
        }
    }

    /// Whether the mechanism is one of the high level (four-pass) ones, 2...7.
    public var isHighLevel: Bool { (2...7).contains(rawValue) }

    public static let lowest = AuthenticationMechanism(rawValue: 0)
    public static let low = AuthenticationMechanism(rawValue: 1)
    public static let high = AuthenticationMechanism(rawValue: 2)
    public static let highMD5 = AuthenticationMechanism(rawValue: 3)
    public static let highSHA1 = AuthenticationMechanism(rawValue: 4)
    public static let highGMAC = AuthenticationMechanism(rawValue: 5)
    public static let highSHA256 = AuthenticationMechanism(rawValue: 6)
    public static let highECDSA = AuthenticationMechanism(rawValue: 7)
}
