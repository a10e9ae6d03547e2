/// Security suite id (Green Book security suites; the low nibble of the
/// security control byte and Security setup attribute 3).
public struct SecuritySuite: COSEMEnumeration {
    public var rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    public static let names: [UInt8: String] = [
        0: "AES-GCM-128",
        1: "ECDH-ECDSA-AES-GCM-128-SHA-256",
        2: "ECDH-ECDSA-AES-GCM-256-SHA-384",
    ]
}
