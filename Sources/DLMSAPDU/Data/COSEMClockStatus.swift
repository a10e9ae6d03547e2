/// The clock status byte of a COSEM date-time (Blue Book §4.1.6.1;
/// spec-notes §6). 0xFF means "not specified" and is not a status: see
/// `COSEMDateTime.clockStatusFlags`.
public struct COSEMClockStatus: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    /// Bit 0: the time could not be recovered after an incident; the value is invalid.
    public static let invalidValue = Self(rawValue: 0x01)
    /// Bit 1: the time could be recovered but its value is doubtful.
    public static let doubtfulValue = Self(rawValue: 0x02)
    /// Bit 2: the clock runs from a different clock base (not the one specified).
    public static let differentClockBase = Self(rawValue: 0x04)
    /// Bit 3: the clock status itself is invalid.
    public static let invalidClockStatus = Self(rawValue: 0x08)
    /// Bits 4 to 6: reserved, 0.
    public static let reserved = Self(rawValue: 0x70)
    /// Bit 7: daylight saving time is in effect.
    public static let daylightSavingActive = Self(rawValue: 0x80)

    /// The kebab-case name of status bit `bit` (0...7): "invalid-value",
    /// "doubtful-value", "different-clock-base", "invalid-clock-status",
    /// "reserved-bit-4"..."reserved-bit-6", "daylight-saving-active".
    public static func name(ofBit bit: Int) -> String? {
        switch bit {
        case 0: "invalid-value"
        case 1: "doubtful-value"
        case 2: "different-clock-base"
        case 3: "invalid-clock-status"
        case 4, 5, 6: "reserved-bit-\(bit)"
        case 7: "daylight-saving-active"
        default: nil
        }
    }

    /// The names of the bits that are set, from bit 0 up.
    public var names: [String] {
        (0..<8).compactMap { bit in rawValue & (1 << UInt8(truncatingIfNeeded: bit)) != 0 ? Self.name(ofBit: bit) : nil }
    }
}
