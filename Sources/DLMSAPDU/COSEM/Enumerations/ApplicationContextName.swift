/// The COSEM application context name (Green Book): the last arc of the
/// object identifier 2.16.756.5.8.1.x, sent as `60 85 74 05 08 01 0x`.
public struct ApplicationContextName: COSEMEnumeration {
    public var rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    /// The context from the content octets of its object identifier
    /// (`60 85 74 05 08 01 0x`); nil for any other identifier.
    public init?<Bytes: Collection>(objectIdentifier bytes: Bytes) where Bytes.Element == UInt8 {
        let content = Array(bytes)
        guard content.count == 7, content.prefix(6) == [0x60, 0x85, 0x74, 0x05, 0x08, 0x01] else { return nil }
        self.init(rawValue: content[6])
    }

    public static let names: [UInt8: String] = [
        1: "logical-name-referencing-no-ciphering",
        2: "short-name-referencing-no-ciphering",
        3: "logical-name-referencing-with-ciphering",
        4: "short-name-referencing-with-ciphering",
    ]

    /// The short form test tools print: "LN", "SN", "LN-ciphered", "SN-ciphered".
    public var shortName: String? {
        switch rawValue {
        case 1: "LN"
        case 2: "SN"
        case 3: "LN-ciphered"
        case 4: "SN-ciphered"
        default: nil
        }
    }

    public static let logicalName = ApplicationContextName(rawValue: 1)
    public static let shortNameReferencing = ApplicationContextName(rawValue: 2)
    public static let logicalNameWithCiphering = ApplicationContextName(rawValue: 3)
    public static let shortNameWithCiphering = ApplicationContextName(rawValue: 4)
}
