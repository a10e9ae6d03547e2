/// Data-Access-Result (Green Book, xDLMS ASN.1): the outcome of reading or
/// writing one attribute, in get-response, set-response and the SN services.
public struct DataAccessResult: COSEMEnumeration {
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
        15: "long-get-aborted",
        16: "no-long-get-in-progress",
        17: "long-set-aborted",
        18: "no-long-set-in-progress",
        19: "data-block-number-invalid",
        250: "other-reason",
    ]

    public static let success = DataAccessResult(rawValue: 0)
    public static let hardwareFault = DataAccessResult(rawValue: 1)
    public static let temporaryFailure = DataAccessResult(rawValue: 2)
    public static let readWriteDenied = DataAccessResult(rawValue: 3)
    public static let objectUndefined = DataAccessResult(rawValue: 4)
    public static let objectUnavailable = DataAccessResult(rawValue: 11)
    public static let typeUnmatched = DataAccessResult(rawValue: 12)
    public static let otherReason = DataAccessResult(rawValue: 250)
}
