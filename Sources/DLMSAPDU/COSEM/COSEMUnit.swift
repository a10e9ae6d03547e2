/// A physical unit as carried in a `scaler_unit` structure (the Blue Book
/// `unit` enumeration of Register, Extended register, Demand register ...).
///
/// `symbol` is what follows a number ("W", "Wh", "V"), `quantity` what the
/// unit measures ("active power (P)") and `unitName` the unit's own name
/// ("watt"). 254 is "other", 255 is "count" (no unit, a plain count).
public struct COSEMUnit: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    /// The unit symbol, e.g. "W" for 27; nil for values the standard does not define.
    public var symbol: String? { Self.table[rawValue]?.symbol }

    /// The quantity the unit measures, e.g. "active power (P)" for 27.
    public var quantity: String? { Self.table[rawValue]?.quantity }

    /// The unit's name, e.g. "watt" for 27, or the quantity where the
    /// standard gives the unit no name of its own (meter constants, currency).
    public var unitName: String? {
        guard let entry = Self.table[rawValue] else { return nil }
        return entry.name.isEmpty ? entry.quantity : entry.name
    }

    /// Whether the standard defines this value.
    public var isDefined: Bool { Self.table[rawValue] != nil }

    /// Whether the value is 255, "count": a number without a physical unit.
    public var isCount: Bool { rawValue == 255 }

    /// The symbol, or "unit N" for an undefined value.
    public var description: String { symbol ?? "unit \(rawValue)" }

    /// The symbol of a unit value, e.g. "V" for 35; nil when undefined.
    public static func symbol(of value: UInt8) -> String? { COSEMUnit(rawValue: value).symbol }

    /// The descriptive name of a unit value, e.g. "volt" for 35; nil when undefined.
    public static func name(of value: UInt8) -> String? { COSEMUnit(rawValue: value).unitName }

    // The units met most often in electricity metering.
    public static let year = COSEMUnit(rawValue: 1)
    public static let hour = COSEMUnit(rawValue: 5)
    public static let second = COSEMUnit(rawValue: 7)
    public static let degree = COSEMUnit(rawValue: 8)
    public static let degreeCelsius = COSEMUnit(rawValue: 9)
    public static let cubicMetre = COSEMUnit(rawValue: 13)
    public static let watt = COSEMUnit(rawValue: 27)
    public static let voltAmpere = COSEMUnit(rawValue: 28)
    public static let voltAmpereReactive = COSEMUnit(rawValue: 29)
    public static let wattHour = COSEMUnit(rawValue: 30)
    public static let voltAmpereHour = COSEMUnit(rawValue: 31)
    public static let voltAmpereReactiveHour = COSEMUnit(rawValue: 32)
    public static let ampere = COSEMUnit(rawValue: 33)
    public static let volt = COSEMUnit(rawValue: 35)
    public static let hertz = COSEMUnit(rawValue: 44)
    public static let percent = COSEMUnit(rawValue: 56)
    public static let other = COSEMUnit(rawValue: 254)
    public static let count = COSEMUnit(rawValue: 255)
}
