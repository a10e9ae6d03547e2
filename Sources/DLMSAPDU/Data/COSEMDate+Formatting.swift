extension COSEMDate: CustomStringConvertible {
    /// The date as RFC 3339 `full-date` ("2024-11-21") when `civilDate` exists
    /// and no field is out of range; nil otherwise (a day of week that does
    /// not match the date is a quirk, not a reason to refuse).
    public var rfc3339: String? {
        guard let (year, month, day) = rfc3339Fields else { return nil }
        return "\(COSEMText.padded(year, width: 4))-\(COSEMText.padded(month, width: 2))-"
            + COSEMText.padded(day, width: 2)
    }

    /// The fields `rfc3339` writes, when it can.
    var rfc3339Fields: (year: Int, month: Int, day: Int)? {
        guard let (year, month, day) = civilDate, (1...7).contains(dayOfWeek) || dayOfWeek == Self.unspecified
        else { return nil }
        return (year, month, day)
    }

    /// A readable form that keeps every field visible: `2024-11-21`,
    /// `*-11-21` (year not specified), `*-*-*`, `*-dst-begin-last`; out-of-range
    /// values in decimal. The day of week follows in parentheses when it
    /// says something the date does not: `*-*-* (dow 1)`.
    public var description: String {
        var text = dateText
        if let dow = dayOfWeekNote { text += " (\(dow))" }
        return text
    }

    /// `YYYY-MM-DD` with `*` and names for the special values.
    var dateText: String {
        let yearText = year == Self.unspecifiedYear ? "*" : COSEMText.padded(Int(year), width: 4)
        let monthText: String
        switch month {
        case Self.unspecified: monthText = "*"
        case Self.daylightSavingsBegin: monthText = "dst-begin"
        case Self.daylightSavingsEnd: monthText = "dst-end"
        default: monthText = COSEMText.padded(Int(month), width: 2)
        }
        let dayText: String
        switch dayOfMonth {
        case Self.unspecified: dayText = "*"
        case Self.lastDay: dayText = "last"
        case Self.secondLastDay: dayText = "second-last"
        default: dayText = COSEMText.padded(Int(dayOfMonth), width: 2)
        }
        return "\(yearText)-\(monthText)-\(dayText)"
    }

    /// "dow N" when the day of week is specified and is not simply the
    /// weekday of a complete date; nil otherwise.
    var dayOfWeekNote: String? {
        guard dayOfWeek != Self.unspecified, computedWeekday != Int(dayOfWeek) else { return nil }
        return "dow \(dayOfWeek)"
    }
}
