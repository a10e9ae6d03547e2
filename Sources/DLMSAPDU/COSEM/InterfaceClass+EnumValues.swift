extension InterfaceClass {
    /// The meaning of an `enum` value of a class attribute, for the attributes
    /// whose values the Blue Book enumerates and that analyzers meet most,
    /// e.g. Disconnect control `control_state` 1 is "connected"; nil otherwise.
    public func enumValueName(attribute: Int, value: UInt8) -> String? {
        switch (id, attribute) {
        case (7, 5): Self.sortMethods[value]
        case (8, 9): Self.clockBases[value]
        case (15, 8): Self.associationStatuses[value]
        case (18, 6): Self.imageTransferStatuses[value]
        case (64, 3): SecuritySuite.name(of: value)
        case (70, 3): Self.disconnectControlStates[value]
        default: nil
        }
    }

    /// See `enumValueName(attribute:value:)`.
    public static func enumValueName(classID: UInt16, attribute: Int, value: UInt8) -> String? {
        InterfaceClass(id: classID).enumValueName(attribute: attribute, value: value)
    }

    /// Profile generic `sort_method`.
    private static let sortMethods: [UInt8: String] = [
        1: "fifo", 2: "lifo", 3: "largest", 4: "smallest", 5: "nearest_to_zero", 6: "farest_from_zero",
    ]

    /// Clock `clock_base`.
    private static let clockBases: [UInt8: String] = [
        0: "not defined", 1: "internal crystal", 2: "mains frequency 50 Hz", 3: "mains frequency 60 Hz", 4: "GPS",
        5: "radio controlled",
    ]

    /// Association LN `association_status`.
    private static let associationStatuses: [UInt8: String] = [
        0: "non-associated", 1: "association-pending", 2: "associated",
    ]

    /// Image transfer `image_transfer_status`.
    private static let imageTransferStatuses: [UInt8: String] = [
        0: "image transfer not initiated", 1: "image transfer initiated", 2: "image verification initiated",
        3: "image verification successful", 4: "image verification failed", 5: "image activation initiated",
        6: "image activation successful", 7: "image activation failed",
    ]

    /// Disconnect control `control_state`.
    private static let disconnectControlStates: [UInt8: String] = [
        0: "disconnected", 1: "connected", 2: "ready_for_reconnection",
    ]
}
