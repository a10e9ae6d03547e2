/// An integer register value with its scaler applied, value × 10^scaler
/// (Blue Book, `scaler_unit` of Register / Extended register / Demand
/// register), kept exact in decimal so that display carries no binary noise:
/// 2308 with scaler -1 is "230.8", not 230.80000000000001.
public struct ScaledValue: Hashable, Sendable, CustomStringConvertible {
    /// Whether the value is below zero (never true for zero).
    public var isNegative: Bool
    /// The absolute value of the unscaled integer.
    public var magnitude: UInt64
    /// The power of ten the integer is multiplied by.
    public var scaler: Int8

    /// The value `value` × 10^`scaler`. Any A-XDR integer type fits
    /// (integer ... long64-unsigned); wider values are clamped to 64 bits.
    public init<Value: BinaryInteger>(_ value: Value, scaler: Int8) {
        if value < 0 {
            let wide = Int64(clamping: value)
            self.isNegative = true
            self.magnitude = wide.magnitude
        } else {
            self.isNegative = false
            self.magnitude = UInt64(clamping: value)
        }
        self.scaler = scaler
    }

    /// The scaled value in shortest exact decimal, trailing fractional zeros
    /// removed: 2308, -1 → "230.8"; 826, 0 → "826"; 9, -2 → "0.09";
    /// 2300, -2 → "23"; 5, 3 → "5000".
    public var decimalString: String { render(trimmingZeros: true) }

    /// The scaled value with as many fraction digits as the scaler asks for:
    /// 2300, -2 → "23.00"; 9, -2 → "0.09"; positive scalers as `decimalString`.
    public var fixedPointString: String { render(trimmingZeros: false) }

    /// The nearest Double to the exact decimal value (correctly rounded, so
    /// its shortest printed form is the decimal one: 230.8 for 2308, -1).
    public var doubleValue: Double {
        let text = (isNegative ? "-" : "") + String(magnitude) + "e" + String(scaler)
        return Double(text) ?? .nan
    }

    public var description: String { decimalString }

    /// The value followed by the unit symbol, e.g. "230.8 V"; a unit without
    /// a printable symbol (undefined, 254 other, 255 count) adds nothing.
    public func text(unit: COSEMUnit) -> String {
        guard let symbol = unit.symbol, unit.rawValue != 254, unit.rawValue != 255 else { return decimalString }
        return decimalString + " " + symbol
    }

    private func render(trimmingZeros: Bool) -> String {
        if magnitude == 0 {
            guard !trimmingZeros, scaler < 0 else { return "0" }
            return "0." + String(repeating: "0", count: -Int(scaler))
        }
        let digits = String(magnitude)
        let sign = isNegative ? "-" : ""
        if scaler >= 0 {
            return sign + digits + String(repeating: "0", count: Int(scaler))
        }
        let fractionCount = -Int(scaler)
        let padded =
            digits.count > fractionCount
            ? digits : String(repeating: "0", count: fractionCount - digits.count + 1) + digits
        let integerPart = padded.dropLast(fractionCount)
        var fraction = padded.suffix(fractionCount)
        if trimmingZeros {
            while fraction.last == "0" { fraction = fraction.dropLast() }
        }
        return fraction.isEmpty ? sign + integerPart : sign + integerPart + "." + fraction
    }
}
