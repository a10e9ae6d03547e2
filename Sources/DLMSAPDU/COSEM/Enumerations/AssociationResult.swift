/// Association-result of an AARE (ACSE, ISO/IEC 8650-1 as used by the Green Book).
public struct AssociationResult: COSEMEnumeration {
    public var rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    public static let names: [UInt8: String] = [
        0: "accepted",
        1: "rejected-permanent",
        2: "rejected-transient",
    ]

    public static let accepted = AssociationResult(rawValue: 0)
    public static let rejectedPermanent = AssociationResult(rawValue: 1)
    public static let rejectedTransient = AssociationResult(rawValue: 2)
}
