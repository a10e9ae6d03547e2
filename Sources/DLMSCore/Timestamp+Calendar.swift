// Conversions between timestamps and civil (proleptic Gregorian, UTC) dates,
// without Foundation, so that formatting stays cheap on the output hot path.
// The day arithmetic is Howard Hinnant's days_from_civil / civil_from_days.
extension Timestamp {
    /// A civil date and time, UTC.
    public struct Civil: Sendable, Hashable {
        public var year: Int
        public var month: Int
        public var day: Int
        public var hour: Int
        public var minute: Int
        public var second: Int
        public var nanosecond: Int

        public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, nanosecond: Int = 0) {
            self.year = year
            self.month = month
            self.day = day
            self.hour = hour
            self.minute = minute
            self.second = second
            self.nanosecond = nanosecond
        }
    }

    /// The timestamp of a civil UTC date and time; nil when a field is out of range.
    public init?(_ civil: Civil) {
        guard (1...9999).contains(civil.year), (1...12).contains(civil.month),
              (1...Self.daysIn(month: civil.month, year: civil.year)).contains(civil.day),
              (0...23).contains(civil.hour), (0...59).contains(civil.minute),
              (0...60).contains(civil.second), (0..<1_000_000_000).contains(civil.nanosecond)
        else { return nil }
        let days = Self.daysFromCivil(year: civil.year, month: civil.month, day: civil.day)
        let seconds = Int64(days) * 86_400 + Int64(civil.hour * 3600 + civil.minute * 60 + civil.second)
        self.init(seconds: seconds, nanoseconds: Int64(civil.nanosecond))
    }

    /// The civil UTC date and time of this timestamp.
    public var civil: Civil {
        let (days, secondOfDay) = seconds.quotientAndRemainder(dividingBy: 86_400)
        let dayNumber = secondOfDay < 0 ? days - 1 : days
        let second = Int(secondOfDay < 0 ? secondOfDay + 86_400 : secondOfDay)
        let (year, month, day) = Self.civilFromDays(dayNumber)
        return Civil(
            year: year, month: month, day: day,
            hour: second / 3600, minute: second % 3600 / 60, second: second % 60,
            nanosecond: Int(nanoseconds)
        )
    }

    /// RFC 3339, UTC, with microseconds: `2023-04-13T17:00:19.611972Z`.
    public var rfc3339: String {
        let c = civil
        var text = ""
        text.reserveCapacity(27)
        func append(_ value: Int, width: Int) {
            let digits = String(value)
            if digits.count < width { text += String(repeating: "0", count: width - digits.count) }
            text += digits
        }
        append(c.year, width: 4)
        text += "-"
        append(c.month, width: 2)
        text += "-"
        append(c.day, width: 2)
        text += "T"
        append(c.hour, width: 2)
        text += ":"
        append(c.minute, width: 2)
        text += ":"
        append(c.second, width: 2)
        text += "."
        append(c.nanosecond / 1000, width: 6)
        text += "Z"
        return text
    }

    public static func isLeap(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civilFromDays(_ days: Int64) -> (year: Int, month: Int, day: Int) {
        // Clamp to a range where the arithmetic cannot overflow (years 0001-9999 and well beyond).
        let z = Int(max(min(days, 3_000_000_000), -3_000_000_000)) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
