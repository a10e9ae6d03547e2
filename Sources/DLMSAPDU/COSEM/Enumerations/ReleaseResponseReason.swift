/// Release-response-reason of an RLRE (ACSE).
public struct ReleaseResponseReason: COSEMEnumeration {
    public var rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    public static let names: [UInt8: String] = [
        0: "normal",
        1: "not-finished",
        30: "user-defined",
    ]
}
