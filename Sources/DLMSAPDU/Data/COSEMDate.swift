import DLMSCore

/// A COSEM date (Blue Book §4.1.6.1; spec-notes §6): 5 bytes, the first part
/// of a date-time, sent alone as data type `date` (tag 26).
///
/// The fields are kept as sent, special and out-of-range values included,
/// so that encoding gives back the received bytes; the `calendar…`
/// properties interpret them.
public struct COSEMDate: Sendable, Hashable {
    /// The size of a date on the wire.
    public static let encodedCount = 5
    /// A year of 0xFFFF: not specified.
    public static let unspecifiedYear: UInt16 = 0xFFFF
    /// 0xFF in a byte field: not specified.
    public static let unspecified: UInt8 = 0xFF
    /// Month 0xFD: the month daylight saving time ends in.
    public static let daylightSavingsEnd: UInt8 = 0xFD
    /// Month 0xFE: the month daylight saving time begins in.
    public static let daylightSavingsBegin: UInt8 = 0xFE
    /// Day of month 0xFD: the second last day of the month.
    public static let secondLastDay: UInt8 = 0xFD
    /// Day of month 0xFE: the last day of the month.
    public static let lastDay: UInt8 = 0xFE

    /// The year, big-endian on the wire; 0xFFFF not specified.
    public var year: UInt16
    /// 1...12; 0xFD, 0xFE daylight savings end, begin; 0xFF not specified.
    public var month: UInt8
    /// 1...31; 0xFD second last day, 0xFE last day; 0xFF not specified.
    public var dayOfMonth: UInt8
    /// 1 (Monday)...7 (Sunday); 0xFF not specified.
    public var dayOfWeek: UInt8

    /// A date; every field not given is "not specified".
    public init(
        year: UInt16 = COSEMDate.unspecifiedYear,
        month: UInt8 = COSEMDate.unspecified,
        dayOfMonth: UInt8 = COSEMDate.unspecified,
        dayOfWeek: UInt8 = COSEMDate.unspecified
    ) {
        self.year = year
        self.month = month
        self.dayOfMonth = dayOfMonth
        self.dayOfWeek = dayOfWeek
    }

    /// The date in exactly 5 bytes; nil for any other count.
    public init?<Bytes: Collection>(bytes: Bytes) where Bytes.Element == UInt8 {
        let bytes = Array(bytes)
        guard bytes.count == Self.encodedCount else { return nil }
        self.init(
            year: UInt16(bytes[0]) << 8 | UInt16(bytes[1]), month: bytes[2], dayOfMonth: bytes[3], dayOfWeek: bytes[4]  // widening
        )
    }

    /// Appends the 5 bytes.
    public func encode(into bytes: inout [UInt8]) {
        bytes += [UInt8(truncatingIfNeeded: year >> 8), UInt8(truncatingIfNeeded: year), month, dayOfMonth, dayOfWeek]
    }

    /// The 5 bytes.
    public var encoded: [UInt8] {
        var bytes = [UInt8]()
        encode(into: &bytes)
        return bytes
    }
}

// MARK: Interpretation

extension COSEMDate {
    /// The year, unless not specified.
    public var calendarYear: Int? { year == Self.unspecifiedYear ? nil : Int(year) }

    /// The month 1...12; nil when not specified, a daylight-savings value or out of range.
    public var calendarMonth: Int? { (1...12).contains(month) ? Int(month) : nil }

    /// The day of month 1...31; nil when not specified, last / second last, or out of range.
    public var calendarDay: Int? { (1...31).contains(dayOfMonth) ? Int(dayOfMonth) : nil }

    /// The day of week 1 (Monday)...7 (Sunday); nil when not specified or out of range.
    public var weekday: Int? { (1...7).contains(dayOfWeek) ? Int(dayOfWeek) : nil }

    /// The day this date names when year (1...9999), month and day are all
    /// specified and the day exists in that month.
    public var civilDate: (year: Int, month: Int, day: Int)? {
        guard let year = calendarYear, (1...9999).contains(year), let month = calendarMonth,
              let day = calendarDay, day <= Timestamp.daysIn(month: month, year: year)
        else { return nil }
        return (year, month, day)
    }

    /// The day of week of `civilDate` (1 Monday...7 Sunday), whatever `dayOfWeek` says.
    public var computedWeekday: Int? {
        guard let (year, month, day) = civilDate,
              let midnight = Timestamp(Timestamp.Civil(year: year, month: month, day: day))
        else { return nil }
        // 1970-01-01 was a Thursday (4).
        let days = midnight.seconds / 86_400
        let offset = Int((days % 7 + 7 + 3) % 7)
        return offset + 1
    }

    /// What is wrong with the fields, one phrase each (empty when nothing
    /// is): values outside their ranges, a day past the end of its month, a
    /// day of week that does not match the date. Such values are kept as
    /// sent; they make `rfc3339` nil and deserve a `date-time-quirk` finding.
    public var problems: [String] {
        var problems = [String]()
        if !((1...12).contains(month) || month >= Self.daylightSavingsEnd) {
            problems.append("month \(month) is out of range")
        }
        if !((1...31).contains(dayOfMonth) || dayOfMonth >= Self.secondLastDay) {
            problems.append("day of month \(dayOfMonth) is out of range")
        } else if let day = calendarDay, let month = calendarMonth {
            // Without a year, February may have 29 days.
            let length = calendarYear.map { Timestamp.daysIn(month: month, year: $0) }
                ?? Timestamp.daysIn(month: month, year: 2000)
            if day > length { problems.append("day \(day) is past the end of month \(month)") }
        }
        if !((1...7).contains(dayOfWeek) || dayOfWeek == Self.unspecified) {
            problems.append("day of week \(dayOfWeek) is out of range")
        } else if let stated = weekday, let actual = computedWeekday, stated != actual {
            problems.append(
                "day of week \(stated) (\(COSEMText.weekdayName(stated))) but the date is a "
                    + "\(COSEMText.weekdayName(actual)) (\(actual))"
            )
        }
        return problems
    }
}
