/// A COSEM date-time (Blue Book §4.1.6.1; spec-notes §6): 12 bytes, sent as
/// data type `date-time` (tag 25) or, more often, as an octet-string of 12
/// bytes (`09 0C ...`).
///
/// | bytes | field | special values |
/// |---|---|---|
/// | 0-1 | year | FFFF not specified |
/// | 2 | month | FD daylight savings end, FE begin, FF |
/// | 3 | day of month | FD second last day, FE last day, FF |
/// | 4 | day of week 1 Monday...7 Sunday | FF |
/// | 5, 6, 7, 8 | hour, minute, second, hundredths | FF each |
/// | 9-10 | deviation, int16 minutes | 8000 not specified |
/// | 11 | clock status | FF not specified |
///
/// The deviation is the number of minutes to add to local time to get UTC:
/// local time in UTC+01:00 is sent with deviation -60 (`FF C4`). Fields are
/// kept exactly as sent, special and out-of-range values included, so the
/// bytes survive a round trip; `problems` lists what is out of range and
/// `rfc3339` refuses such values.
public struct COSEMDateTime: Sendable, Hashable {
    /// The size of a date-time on the wire.
    public static let encodedCount = 12
    /// Deviation 0x8000: not specified.
    public static let unspecifiedDeviation = Int16(bitPattern: 0x8000)
    /// The deviations the standard allows, in minutes.
    public static let deviationRange: ClosedRange<Int16> = -720...720

    /// 0xFFFF not specified.
    public var year: UInt16
    /// 1...12; 0xFD, 0xFE daylight savings end, begin; 0xFF not specified.
    public var month: UInt8
    /// 1...31; 0xFD second last day, 0xFE last day; 0xFF not specified.
    public var dayOfMonth: UInt8
    /// 1 (Monday)...7 (Sunday); 0xFF not specified.
    public var dayOfWeek: UInt8
    /// 0...23, 0xFF not specified.
    public var hour: UInt8
    /// 0...59, 0xFF not specified.
    public var minute: UInt8
    /// 0...59, 0xFF not specified.
    public var second: UInt8
    /// 0...99, 0xFF not specified.
    public var hundredths: UInt8
    /// Minutes to add to local time to get UTC (-60 is UTC+01:00); 0x8000
    /// (`unspecifiedDeviation`) not specified.
    public var deviation: Int16
    /// The clock status byte; 0xFF not specified. See `clockStatusFlags`.
    public var clockStatus: UInt8

    /// A date-time; every field not given is "not specified".
    public init(
        year: UInt16 = COSEMDate.unspecifiedYear,
        month: UInt8 = 0xFF,
        dayOfMonth: UInt8 = 0xFF,
        dayOfWeek: UInt8 = 0xFF,
        hour: UInt8 = 0xFF,
        minute: UInt8 = 0xFF,
        second: UInt8 = 0xFF,
        hundredths: UInt8 = 0xFF,
        deviation: Int16 = COSEMDateTime.unspecifiedDeviation,
        clockStatus: UInt8 = 0xFF
    ) {
        self.year = year
        self.month = month
        self.dayOfMonth = dayOfMonth
        self.dayOfWeek = dayOfWeek
        self.hour = hour
        self.minute = minute
        self.second = second
        self.hundredths = hundredths
        self.deviation = deviation
        self.clockStatus = clockStatus
    }

    /// A date-time made of a date and a time.
    public init(
        date: COSEMDate,
        time: COSEMTime,
        deviation: Int16 = COSEMDateTime.unspecifiedDeviation,
        clockStatus: UInt8 = 0xFF
    ) {
        self.init(
            year: date.year, month: date.month, dayOfMonth: date.dayOfMonth, dayOfWeek: date.dayOfWeek,
            hour: time.hour, minute: time.minute, second: time.second, hundredths: time.hundredths,
            deviation: deviation, clockStatus: clockStatus
        )
    }

    /// The date-time in exactly 12 bytes; nil for any other count.
    public init?<Bytes: Collection>(bytes: Bytes) where Bytes.Element == UInt8 {
        let bytes = Array(bytes)
        guard bytes.count == Self.encodedCount else { return nil }
        self.init(
            year: UInt16(bytes[0]) << 8 | UInt16(bytes[1]), month: bytes[2], dayOfMonth: bytes[3],  // widening
            dayOfWeek: bytes[4], hour: bytes[5], minute: bytes[6], second: bytes[7], hundredths: bytes[8],
            deviation: Int16(bitPattern: UInt16(bytes[9]) << 8 | UInt16(bytes[10])), clockStatus: bytes[11]  // widening
        )
    }

    /// The date-time an octet-string of 12 bytes holds (how date-times are
    /// usually sent); nil unless there are exactly 12 bytes.
    public init?(octetString: [UInt8]) {
        self.init(bytes: octetString)
    }

    /// Appends the 12 bytes.
    public func encode(into bytes: inout [UInt8]) {
        let deviationBits = UInt16(bitPattern: deviation)
        bytes += [
            UInt8(truncatingIfNeeded: year >> 8), UInt8(truncatingIfNeeded: year), month, dayOfMonth, dayOfWeek,
            hour, minute, second, hundredths,
            UInt8(truncatingIfNeeded: deviationBits >> 8), UInt8(truncatingIfNeeded: deviationBits), clockStatus,
        ]
    }

    /// The 12 bytes.
    public var encoded: [UInt8] {
        var bytes = [UInt8]()
        encode(into: &bytes)
        return bytes
    }

    /// The date part (bytes 0 to 4).
    public var date: COSEMDate {
        get { COSEMDate(year: year, month: month, dayOfMonth: dayOfMonth, dayOfWeek: dayOfWeek) }
        set {
            year = newValue.year
            month = newValue.month
            dayOfMonth = newValue.dayOfMonth
            dayOfWeek = newValue.dayOfWeek
        }
    }

    /// The time part (bytes 5 to 8).
    public var time: COSEMTime {
        get { COSEMTime(hour: hour, minute: minute, second: second, hundredths: hundredths) }
        set {
            hour = newValue.hour
            minute = newValue.minute
            second = newValue.second
            hundredths = newValue.hundredths
        }
    }

    /// The deviation in minutes, unless not specified (the raw value, even
    /// when outside `deviationRange`).
    public var deviationMinutes: Int? {
        deviation == Self.unspecifiedDeviation ? nil : Int(deviation)
    }

    /// The clock status bits, unless the byte is 0xFF (not specified).
    public var clockStatusFlags: COSEMClockStatus? {
        clockStatus == 0xFF ? nil : COSEMClockStatus(rawValue: clockStatus)
    }

    /// What is wrong with the fields, one phrase each (empty when nothing
    /// is): the date's and the time's problems, a deviation outside
    /// -720...720, reserved clock status bits set.
    public var problems: [String] {
        var problems = date.problems + time.problems
        if let minutes = deviationMinutes, !Self.deviationRange.contains(deviation) {
            problems.append("deviation \(minutes) is out of range")
        }
        if let flags = clockStatusFlags, !flags.isDisjoint(with: .reserved) {
            problems.append("clock status \(COSEMText.hexByte(clockStatus)) sets reserved bits")
        }
        return problems
    }
}
