/// The alternative of the key-info of a general-ciphering APDU (Green Book).
public struct KeyInfoChoice: COSEMEnumeration {
    public var rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    public static let names: [UInt8: String] = [
        0: "identified-key",
        1: "wrapped-key",
        2: "agreed-key",
    ]
}
