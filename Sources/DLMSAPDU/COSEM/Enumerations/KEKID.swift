/// The kek-id of a wrapped-key in general-ciphering key-info (Green Book).
public struct KEKID: COSEMEnumeration {
    public var rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    public static let names: [UInt8: String] = [
        0: "master-key",
    ]
}
