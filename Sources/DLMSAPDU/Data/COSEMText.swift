import DLMSCore

/// Small text helpers for the COSEM date and time descriptions (no Foundation).
enum COSEMText {
    /// `value` in decimal, zero-padded to `width` digits (a minus sign comes first).
    static func padded(_ value: Int, width: Int) -> String {
        // The date and time fields (0...9999, width ≤ 4) are written digit by
        // digit into a small string: this runs for every date-time rendered.
        if value >= 0, value < 10_000, width <= 4 {
            let count = max(width, value < 10 ? 1 : value < 100 ? 2 : value < 1_000 ? 3 : 4)
            return String(unsafeUninitializedCapacity: count) { text in
                var rest = value
                for index in stride(from: count - 1, through: 0, by: -1) {
                    text[index] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
                    rest /= 10
                }
                return count
            }
        }
        let digits = String(value.magnitude)
        let padding = digits.count < width ? String(repeating: "0", count: width - digits.count) : ""
        return (value < 0 ? "-" : "") + padding + digits
    }

    /// English day names, 1 Monday ... 7 Sunday.
    static func weekdayName(_ day: Int) -> String {
        switch day {
        case 1: "Monday"
        case 2: "Tuesday"
        case 3: "Wednesday"
        case 4: "Thursday"
        case 5: "Friday"
        case 6: "Saturday"
        case 7: "Sunday"
        default: "day \(day)"
        }
    }
}

extension COSEMText {
    /// A byte as two upper-case hex digits.
    static func hexByte(_ byte: UInt8) -> String { Hex.encode([byte]) }
}
