import DLMSCore

/// Dates and times in hex-log prefixes and logger headers.
///
/// Accepted words: a date `YYYY-MM-DD` (also with `/` or `.`), a time
/// `HH:MM[:SS]` or `HH.MM.SS` with an optional fraction (`.` or `,`, 1 to 9
/// digits), both joined by `T` or `_`, and an optional zone (`Z`, `+02:00`,
/// `+0200`, `-05`), attached or as a word of its own (`UTC`, `Z`, `+02:00`).
/// A time without a zone is taken as UTC; a time without a date gives no
/// timestamp, since the day is unknown.
enum HexLogTimestamp {
    struct Date: Hashable {
        var year: Int
        var month: Int
        var day: Int
    }

    struct Time: Hashable {
        var hour: Int
        var minute: Int
        var second: Int
        var nanosecond: Int
        /// Seconds east of UTC, when the time states a zone.
        var utcOffset: Int?
    }

    enum Word: Hashable {
        case date(Date)
        case time(Time)
        case dateTime(Date, Time)
        /// A zone on its own: seconds east of UTC.
        case zone(Int)
    }

    /// What a whole word is, or nil when it is no date, time or zone.
    static func parse(_ word: ArraySlice<UInt8>) -> Word? {
        guard !word.isEmpty, word.count <= 48 else { return nil }
        if HexLogText.equals(word, "UTC") || HexLogText.equals(word, "GMT") { return .zone(0) }
        var scanner = Scanner(text: word)
        if let zone = scanner.zone(), scanner.isAtEnd { return .zone(zone) }
        scanner = Scanner(text: word)
        if let date = scanner.date() {
            if scanner.isAtEnd { return .date(date) }
            guard scanner.skip(oneOf: "Tt_"), let time = scanner.time(), scanner.isAtEnd else { return nil }
            return .dateTime(date, time)
        }
        scanner = Scanner(text: word)
        if let time = scanner.time(), scanner.isAtEnd { return .time(time) }
        return nil
    }

    /// The UTC timestamp of a date and time; `zone` applies when the time states none.
    static func timestamp(date: Date, time: Time, zone: Int? = nil) -> Timestamp? {
        let civil = Timestamp.Civil(
            year: date.year, month: date.month, day: date.day,
            hour: time.hour, minute: time.minute, second: time.second, nanosecond: time.nanosecond
        )
        guard let local = Timestamp(civil) else { return nil }
        let offset = Int64(time.utcOffset ?? zone ?? 0)
        return Timestamp(seconds: local.seconds &- offset, nanoseconds: Int64(local.nanoseconds))
    }

    /// Gathers the first date, time and zone among a line's prefix words.
    struct Collector {
        private var date: Date?
        private var time: Time?
        private var zone: Int?

        /// Takes a word (without punctuation around it); false when it is no date, time or zone.
        mutating func take(_ word: ArraySlice<UInt8>) -> Bool {
            switch HexLogTimestamp.parse(word) {
            case let .date(value): date = date ?? value
            case let .time(value): time = time ?? value
            case let .dateTime(day, clock):
                date = date ?? day
                time = time ?? clock
            case let .zone(value): zone = zone ?? value
            case nil: return false
            }
            return true
        }

        /// The timestamp, when both a date and a time were seen.
        var timestamp: Timestamp? {
            guard let date, let time else { return nil }
            return HexLogTimestamp.timestamp(date: date, time: time, zone: zone)
        }
    }

    /// A cursor over a word; every method leaves the cursor unchanged when it returns nil.
    private struct Scanner {
        let text: ArraySlice<UInt8>
        var index: Int

        init(text: ArraySlice<UInt8>) {
            self.text = text
            index = text.startIndex
        }

        var isAtEnd: Bool { index >= text.endIndex }

        private var current: UInt8? { isAtEnd ? nil : text[index] }

        mutating func skip(oneOf characters: String) -> Bool {
            guard let current, characters.utf8.contains(current) else { return false }
            index += 1
            return true
        }

        /// Between `minimum` and `maximum` decimal digits; with the count read.
        mutating func number(_ minimum: Int, _ maximum: Int) -> (value: Int, digits: Int)? {
            var value = 0
            var digits = 0
            var probe = index
            while digits < maximum, probe < text.endIndex, HexLogText.isDecimalDigit(text[probe]) {
                value = value &* 10 &+ Int(text[probe] &- UInt8(ascii: "0"))
                digits += 1
                probe += 1
            }
            guard digits >= minimum, probe >= text.endIndex || !HexLogText.isDecimalDigit(text[probe])
            else { return nil }
            index = probe
            return (value, digits)
        }

        mutating func date() -> Date? {
            let start = index
            guard let year = number(4, 4), let separator = current, "-/.".utf8.contains(separator) else {
                index = start
                return nil
            }
            index += 1
            guard let month = number(1, 2), current == separator else {
                index = start
                return nil
            }
            index += 1
            guard let day = number(1, 2), (1...12).contains(month.value), (1...31).contains(day.value) else {
                index = start
                return nil
            }
            return Date(year: year.value, month: month.value, day: day.value)
        }

        mutating func time() -> Time? {
            let start = index
            guard let hour = number(1, 2), let separator = current, ":.".utf8.contains(separator) else {
                index = start
                return nil
            }
            index += 1
            guard let minute = number(2, 2) else {
                index = start
                return nil
            }
            var second = 0
            var nanosecond = 0
            if current == separator {
                index += 1
                guard let seconds = number(2, 2) else {
                    index = start
                    return nil
                }
                second = seconds.value
                if let mark = current, mark == UInt8(ascii: ".") || mark == UInt8(ascii: ",") {
                    index += 1
                    guard let fraction = number(1, 9) else {
                        index = start
                        return nil
                    }
                    nanosecond = fraction.value
                    for _ in fraction.digits..<9 { nanosecond &*= 10 }
                }
            } else if separator == UInt8(ascii: ".") {
                index = start // `12.50` is a number, not a time
                return nil
            }
            guard hour.value < 24, minute.value < 60, second <= 60 else {
                index = start
                return nil
            }
            let zoneStart = index
            let offset = zone()
            if offset == nil { index = zoneStart }
            return Time(hour: hour.value, minute: minute.value, second: second, nanosecond: nanosecond, utcOffset: offset)
        }

        /// `Z`, or `+HH[:MM]` / `-HHMM`: seconds east of UTC.
        mutating func zone() -> Int? {
            let start = index
            if skip(oneOf: "Zz") { return 0 }
            guard let sign = current, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return nil }
            index += 1
            guard let hours = number(2, 2) ?? numberPrefix(2), hours.value < 24 else {
                index = start
                return nil
            }
            var minutes = 0
            _ = skip(oneOf: ":")
            if !isAtEnd {
                guard let value = number(2, 2), value.value < 60 else {
                    index = start
                    return nil
                }
                minutes = value.value
            }
            let seconds = hours.value * 3600 + minutes * 60
            return sign == UInt8(ascii: "-") ? -seconds : seconds
        }

        /// Exactly `count` digits even when more digits follow (`+0200`).
        private mutating func numberPrefix(_ count: Int) -> (value: Int, digits: Int)? {
            guard text.endIndex - index >= count else { return nil }
            let digits = text[index..<index + count]
            guard let value = HexLogText.decimal(digits) else { return nil }
            index += count
            return (value, count)
        }
    }
}
