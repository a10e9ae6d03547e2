/// The ServiceError alternative of a confirmed-service-error (Green Book,
/// ServiceError ::= CHOICE): the group of the error, each with its own
/// ENUMERATED values. `0E 01 06 01` is initiate-error / initiate /
/// dlms-version-too-low.
public struct ServiceErrorGroup: COSEMEnumeration {
    public var rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    public static let names: [UInt8: String] = [
        0: "application-reference",
        1: "hardware-resource",
        2: "vde-state-error",
        3: "service",
        4: "definition",
        5: "access",
        6: "initiate",
        7: "load-data-set",
        8: "change-scope",
        9: "task",
        10: "other",
    ]

    public static let initiate = ServiceErrorGroup(rawValue: 6)

    /// The values this group defines, with their names.
    public var valueNames: [UInt8: String] { Self.values[rawValue] ?? [:] }

    /// The name of an error value within this group, or nil.
    public func valueName(_ value: UInt8) -> String? { valueNames[value] }

    /// The name of error `value` of group `group`, e.g. (6, 1) → "dlms-version-too-low".
    public static func name(group: UInt8, value: UInt8) -> String? {
        ServiceErrorGroup(rawValue: group).valueName(value)
    }

    private static let values: [UInt8: [UInt8: String]] = [
        0: [
            0: "other", 1: "time-elapsed", 2: "application-unreachable", 3: "application-reference-invalid",
            4: "application-context-unsupported", 5: "provider-communication-error", 6: "deciphering-error",
        ],
        1: [
            0: "other", 1: "memory-unavailable", 2: "processor-resource-unavailable", 3: "mass-storage-unavailable",
            4: "other-resource-unavailable",
        ],
        2: [0: "other", 1: "no-dlms-context", 2: "loading-data-set", 3: "status-nochange", 4: "status-inoperable"],
        3: [0: "other", 1: "pdu-size", 2: "service-unsupported"],
        4: [0: "other", 1: "object-undefined", 2: "object-class-inconsistent", 3: "object-attribute-inconsistent"],
        5: [
            0: "other", 1: "scope-of-access-violated", 2: "object-access-violated", 3: "hardware-fault",
            4: "object-unavailable",
        ],
        6: [
            0: "other", 1: "dlms-version-too-low", 2: "incompatible-conformance", 3: "pdu-size-too-short",
            4: "refused-by-the-VDE-handler",
        ],
        7: [
            0: "other", 1: "primitive-out-of-sequence", 2: "not-loadable", 3: "dataset-size-too-large",
            4: "not-awaited-segment", 5: "interpretation-failure", 6: "storage-failure", 7: "data-set-not-ready",
        ],
        8: [0: "other"],
        9: [0: "other", 1: "no-remote-control", 2: "ti-stopped", 3: "ti-running", 4: "ti-unusable"],
        10: [0: "other"],
    ]
}
