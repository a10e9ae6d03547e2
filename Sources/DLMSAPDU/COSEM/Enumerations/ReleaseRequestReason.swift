/// Release-request-reason of an RLRQ (ACSE).
public struct ReleaseRequestReason: COSEMEnumeration {
    public var rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    public static let names: [UInt8: String] = [
        0: "normal",
        1: "urgent",
        30: "user-defined",
    ]
}
