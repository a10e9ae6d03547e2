import DLMSCore

extension COSEMDateTime: CustomStringConvertible {
    /// The date-time as RFC 3339 (`2020-01-01T00:03:00+02:00`), or nil.
    ///
    /// Year (1...9999), month, day, hour, minute and second must all be
    /// specified and valid, and no field may be out of range. The offset is
    /// the deviation negated (deviation -60 gives `+01:00`, 0 gives `Z`); a
    /// deviation that is not specified gives local time with no offset
    /// (`2018-02-12T00:00:00`). Hundredths become a two-digit fraction unless
    /// 0 or not specified. A day of week that does not match the date does
    /// not stop formatting (it is listed in `problems`).
    public var rfc3339: String? {
        // The same text as date.rfc3339 + "T" + time.rfc3339 + the offset,
        // written into one string: this runs for every date-time rendered.
        guard let (year, month, day) = date.rfc3339Fields, time.isComplete else { return nil }
        let minutes = deviationMinutes
        if minutes != nil, !Self.deviationRange.contains(deviation) { return nil }
        return String(unsafeUninitializedCapacity: 48) { text in
            var writer = ASCIIWriter(text)
            writer.put(year, width: 4)
            writer.put(UInt8(ascii: "-"))
            writer.put(month, width: 2)
            writer.put(UInt8(ascii: "-"))
            writer.put(day, width: 2)
            writer.put(UInt8(ascii: "T"))
            time.write(to: &writer)
            if let minutes {
                let offset = -minutes
                if offset == 0 {
                    writer.put(UInt8(ascii: "Z"))
                } else {
                    writer.put(UInt8(ascii: offset < 0 ? "-" : "+"))
                    writer.put(Int(truncatingIfNeeded: offset.magnitude / 60), width: 2)
                    writer.put(UInt8(ascii: ":"))
                    writer.put(Int(truncatingIfNeeded: offset.magnitude % 60), width: 2)
                }
            }
            return writer.count
        }
    }

    /// The instant, when `rfc3339` has an offset: local time plus the
    /// deviation is UTC. Nil when the deviation is not specified (local time
    /// of an unknown zone) or the date-time cannot be formatted.
    public var utcTimestamp: Timestamp? {
        guard rfc3339 != nil, let minutes = deviationMinutes,
              let civil = date.civilDate,
              let local = Timestamp(
                Timestamp.Civil(
                    year: civil.year, month: civil.month, day: civil.day,
                    hour: Int(hour), minute: Int(minute), second: Int(second),
                    nanosecond: hundredths <= 99 ? Int(hundredths) * 10_000_000 : 0
                )
              )
        else { return nil }
        return Timestamp(seconds: local.seconds + Int64(minutes) * 60, nanoseconds: Int64(local.nanoseconds))
    }

    /// A readable form that keeps every field visible, "not specified" as
    /// `*`: `2024-03-15 14:30:00 (dev -60, status 00)`,
    /// `*-*-* 02:00:00 (dow 7, dev *, status *)`,
    /// `2024-03-31 02:00:00 (dev -120, status 80 daylight-saving-active)`.
    /// The day of week is shown when it says something the date does not.
    public var description: String {
        var notes = [String]()
        if let dow = date.dayOfWeekNote { notes.append(dow) }
        notes.append("dev " + (deviationMinutes.map { String($0) } ?? "*"))
        if let flags = clockStatusFlags {
            let names = flags.names.joined(separator: "|")
            notes.append("status \(COSEMText.hexByte(clockStatus))" + (names.isEmpty ? "" : " " + names))
        } else {
            notes.append("status *")
        }
        return "\(date.dateText) \(time.timeText) (\(notes.joined(separator: ", ")))"
    }

    /// `Z`, or `+hh:mm` / `-hh:mm` for an offset from UTC in minutes.
    static func offsetText(utcOffset minutes: Int) -> String {
        guard minutes != 0 else { return "Z" }
        let magnitude = minutes.magnitude
        return (minutes < 0 ? "-" : "+") + COSEMText.padded(Int(magnitude / 60), width: 2) + ":"
            + COSEMText.padded(Int(magnitude % 60), width: 2)
    }
}
