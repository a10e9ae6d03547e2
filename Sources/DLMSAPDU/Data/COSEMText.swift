import DLMSCore

/// Small text helpers for the COSEM date and time descriptions (no Foundation).
enum COSEMText {
    /// `value` in decimal, zero-padded to `width` digits (a minus sign comes first).
    static func padded(_ value: Int, width: Int) -> String {
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
