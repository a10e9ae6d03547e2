/// Action-Result (Green Book, xDLMS ASN.1): the outcome of a method
/// invocation, in action-response.
public struct ActionResult: COSEMEnumeration {
    public var rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    public static let names: [UInt8: String] = [
        0: "success",
        1: "hardware-fault",
        2: "temporary-failure",
        3: "read-write-denied",
        4: "object-undefined",
        9: "object-class-inconsistent",
        11: "object-unavailable",
        12: "type-unmatched",
        13: "scope-of-access-violated",
        14: "data-block-unavailable",
        15: "long-action-aborted",
        16: "no-long-action-in-progress",
        250: "other-reason",
    ]

    public static let success = ActionResult(rawValue: 0)
    public static let hardwareFault = ActionResult(rawValue: 1)
    public static let temporaryFailure = ActionResult(rawValue: 2)
    public static let readWriteDenied = ActionResult(rawValue: 3)
    public static let objectUndefined = ActionResult(rawValue: 4)
    public static let otherReason = ActionResult(rawValue: 250)
}
