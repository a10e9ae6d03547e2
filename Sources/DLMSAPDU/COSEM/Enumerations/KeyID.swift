/// The key-id of an identified-key in general-ciphering key-info (Green Book).
public struct KeyID: COSEMEnumeration {
    public var rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    public static let names: [UInt8: String] = [
        0: "global-unicast-encryption-key",
        1: "global-broadcast-encryption-key",
    ]
}
