/// The service alternative of a confirmed-service-error (Green Book,
/// ConfirmedServiceError ::= CHOICE): which request failed. The ASN.1
/// identifiers (initiateError, getStatus ...) are given in kebab case.
public struct ConfirmedServiceChoice: COSEMEnumeration {
    public var rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    public static let names: [UInt8: String] = [
        1: "initiate-error",
        2: "get-status",
        3: "get-name-list",
        4: "get-variable-attribute",
        5: "read",
        6: "write",
        7: "get-data-set-attribute",
        8: "get-ti-attribute",
        9: "change-scope",
        10: "start",
        11: "stop",
        12: "resume",
        13: "make-usable",
        14: "initiate-load",
        15: "load-segment",
        16: "terminate-load",
        17: "initiate-upload",
        18: "upload-segment",
        19: "terminate-upload",
    ]

    public static let initiateError = ConfirmedServiceChoice(rawValue: 1)
    public static let read = ConfirmedServiceChoice(rawValue: 5)
    public static let write = ConfirmedServiceChoice(rawValue: 6)
}
