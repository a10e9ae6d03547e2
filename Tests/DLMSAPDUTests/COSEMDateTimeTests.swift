import DLMSAPDU
import DLMSCore
import Testing

/// COSEM date, time and date-time (spec-notes §6).
@Suite struct COSEMDateTimeTests {
    /// The date-time of Gurux case 12: 2024-03-15 (a Friday, 5) 14:30:00.00, deviation -60, status 00.
    static let case12 = bytes("07E8030F050E1E0000FFC400")

    @Test func parsesTwelveBytesIntoFields() throws {
        let dateTime = try #require(COSEMDateTime(octetString: Self.case12))
        #expect(dateTime.year == 2024)
        #expect(dateTime.month == 3)
        #expect(dateTime.dayOfMonth == 15)
        #expect(dateTime.dayOfWeek == 5)
        #expect(dateTime.hour == 14)
        #expect(dateTime.minute == 30)
        #expect(dateTime.second == 0)
        #expect(dateTime.hundredths == 0)
        #expect(dateTime.deviation == -60)
        #expect(dateTime.deviationMinutes == -60)
        #expect(dateTime.clockStatus == 0)
        #expect(dateTime.clockStatusFlags == [])
        #expect(dateTime.encoded == Self.case12)
        #expect(dateTime.problems == [])
        #expect(dateTime.date == COSEMDate(year: 2024, month: 3, dayOfMonth: 15, dayOfWeek: 5))
        #expect(dateTime.time == COSEMTime(hour: 14, minute: 30, second: 0, hundredths: 0))
        #expect(COSEMDateTime(date: dateTime.date, time: dateTime.time, deviation: -60, clockStatus: 0) == dateTime)
    }

    @Test func onlyTwelveBytesMakeADateTime() {
        #expect(COSEMDateTime(octetString: Array(Self.case12.dropLast())) == nil)
        #expect(COSEMDateTime(octetString: Self.case12 + [0]) == nil)
        #expect(COSEMDate(bytes: [0x07, 0xE8, 0x03, 0x0F]) == nil)
        #expect(COSEMTime(bytes: [0, 0, 0]) == nil)
        #expect(COSEMDateTime(bytes: Self.case12[...]) != nil)
    }

    @Test(arguments: [
        ("07E8030F050E1E0000FFC400", "2024-03-15T14:30:00+01:00"),
        ("07E40101FF00030000FF8800", "2020-01-01T00:03:00+02:00"),
        ("07E2020CFF00000000800000", "2018-02-12T00:00:00"),
        ("07E50118070E303950FFC400", "2021-01-24T14:48:57.80+01:00"),
        ("07E50118070E3039FF000000", "2021-01-24T14:48:57Z"),
        ("07E501180700000005014A80", "2021-01-24T00:00:00.05-05:30"),
        ("07E50118070000000AFEB600", "2021-01-24T00:00:00.10+05:30"),
        ("07E8030F050E1E0000FFC480", "2024-03-15T14:30:00+01:00"),
    ])
    func rfc3339UsesTheNegatedDeviationAsTheOffset(hex: String, expected: String) throws {
        let dateTime = try #require(COSEMDateTime(octetString: bytes(hex)))
        #expect(dateTime.rfc3339 == expected)
    }

    @Test(arguments: [
        "FFFF030F050E1E0000FFC400", // year not specified
        "07E8FF0F050E1E0000FFC400", // month not specified
        "07E8FE0F050E1E0000FFC400", // daylight-savings begin month
        "07E803FE050E1E0000FFC400", // last day of month
        "07E803FF050E1E0000FFC400", // day not specified
        "07E8030F05FF1E0000FFC400", // hour not specified
        "07E8030F050EFF0000FFC400", // minute not specified
        "07E8030F050E1EFF00FFC400", // second not specified
        "07E80D0F050E1E0000FFC400", // month 13
        "07E8001E050E1E0000FFC400", // month 0
        "07E8021E050E1E0000FFC400", // 30 February
        "07E7021D050E1E0000FFC400", // 29 February 2023
        "07E8030F05181E0000FFC400", // hour 24
        "07E8030F050E3C0000FFC400", // minute 60
        "07E8030F050E1E3C00FFC400", // second 60
        "07E8030F050E1E0064FFC400", // hundredths 100
        "07E8030F080E1E0000FFC400", // day of week 8
        "07E8030F000E1E0000FFC400", // day of week 0
        "07E8030F050E1E00000D0000", // deviation +3328
        "07E8030F050E1E00007FFF00", // deviation +32767
        "0000030F050E1E0000FFC400", // year 0
        "FFFFFFFFFFFFFFFFFF800000", // nothing specified
        "FFFFFFFFFFFFFFFFFFFFFFFF", // nothing specified, deviation FFFF (-1)
    ])
    func unspecifiedOrOutOfRangeFieldsGiveNoRFC3339(hex: String) throws {
        let input = bytes(hex)
        let dateTime = try #require(COSEMDateTime(octetString: input))
        #expect(dateTime.rfc3339 == nil)
        #expect(dateTime.utcTimestamp == nil)
        // Kept as sent, and describable.
        #expect(dateTime.encoded == input)
        #expect(!dateTime.description.isEmpty)
    }

    @Test func outOfRangeFieldsAreListedAsProblems() throws {
        let bad = try #require(COSEMDateTime(octetString: bytes("07E80D20083C3C6465F00070")))
        #expect(bad.problems == [
            "month 13 is out of range", "day of month 32 is out of range", "day of week 8 is out of range",
            "hour 60 is out of range", "minute 60 is out of range", "second 100 is out of range",
            "hundredths 101 is out of range", "deviation -4096 is out of range", "clock status 70 sets reserved bits",
        ])
        let february = try #require(COSEMDateTime(octetString: bytes("07E7021DFF000000FF800000")))
        #expect(february.problems == ["day 29 is past the end of month 2"])
        let leap = try #require(COSEMDateTime(octetString: bytes("07E8021D04000000FF800000")))
        #expect(leap.problems == [])
        #expect(leap.rfc3339 == "2024-02-29T00:00:00")
    }

    @Test func dayOfWeekThatDoesNotMatchTheDateIsAProblemButStillFormats() throws {
        // 2024-03-15 is a Friday (5); the meter says Monday (1).
        let dateTime = try #require(COSEMDateTime(octetString: bytes("07E8030F010E1E0000FFC400")))
        #expect(dateTime.problems == ["day of week 1 (Monday) but the date is a Friday (5)"])
        #expect(dateTime.rfc3339 == "2024-03-15T14:30:00+01:00")
        #expect(dateTime.description == "2024-03-15 14:30:00 (dow 1, dev -60, status 00)")
    }

    @Test(arguments: [
        (2024, 11, 21, 4), (2021, 1, 24, 7), (1970, 1, 1, 4), (2000, 2, 29, 2), (2024, 3, 15, 5), (1999, 12, 31, 5),
    ])
    func computedWeekdayIsTheCalendarDay(year: Int, month: Int, day: Int, weekday: Int) {
        let date = COSEMDate(year: UInt16(year), month: UInt8(month), dayOfMonth: UInt8(day))
        #expect(date.computedWeekday == weekday)
    }

    @Test(arguments: [
        ("07E8030F050E1E0000FFC400", "2024-03-15 14:30:00 (dev -60, status 00)"),
        ("07E50118070E303950FFC400", "2021-01-24 14:48:57.80 (dev -60, status 00)"),
        ("FFFFFFFFFFFFFFFFFF8000FF", "*-*-* *:*:* (dev *, status *)"),
        ("FFFF0B15FF081E0FFF800000", "*-11-21 08:30:15 (dev *, status 00)"),
        ("FFFFFEFE0702000000FF8880", "*-dst-begin-last 02:00:00 (dow 7, dev -120, status 80 daylight-saving-active)"),
        ("FFFFFDFDFF03000000FFC400", "*-dst-end-second-last 03:00:00 (dev -60, status 00)"),
        ("07E8030F050E1E0000FFC481", "2024-03-15 14:30:00 (dev -60, status 81 invalid-value|daylight-saving-active)"),
        (
            "07E80D2008183C6465F00070",
            "2024-13-32 24:60:100.101 (dow 8, dev -4096, status 70 reserved-bit-4|reserved-bit-5|reserved-bit-6)"
        ),
    ])
    func descriptionKeepsUnspecifiedFieldsVisible(hex: String, expected: String) throws {
        let dateTime = try #require(COSEMDateTime(octetString: bytes(hex)))
        #expect(dateTime.description == expected)
    }

    @Test func dateAndTimeFormatAlone() {
        let date = COSEMDate(year: 2024, month: 11, dayOfMonth: 21)
        #expect(date.rfc3339 == "2024-11-21")
        #expect(date.description == "2024-11-21")
        #expect(date.encoded == bytes("07E80B15FF"))
        let unspecified = COSEMDate()
        #expect(unspecified.encoded == bytes("FFFFFFFFFF"))
        #expect(unspecified.description == "*-*-*")
        #expect(unspecified.rfc3339 == nil)
        #expect(COSEMDate(dayOfWeek: 1).description == "*-*-* (dow 1)")
        #expect(COSEMDate(year: 0xFFFF, month: 11, dayOfMonth: 21).description == "*-11-21")

        let time = COSEMTime(hour: 8, minute: 30, second: 15, hundredths: 23)
        #expect(time.rfc3339 == "08:30:15.23")
        #expect(time.description == "08:30:15.23")
        #expect(time.encoded == bytes("081E0F17"))
        #expect(COSEMTime(hour: 23, minute: 59).description == "23:59:*")
        #expect(COSEMTime(hour: 23, minute: 59).rfc3339 == nil)
        #expect(COSEMTime(hour: 24, minute: 0, second: 0, hundredths: 0).problems == ["hour 24 is out of range"])
    }

    @Test func utcTimestampAddsTheDeviationToLocalTime() throws {
        // 00:03 local at UTC+02:00 (deviation -120) is 22:03 UTC the day before.
        let dateTime = try #require(COSEMDateTime(octetString: bytes("07E40101FF00030000FF8800")))
        #expect(dateTime.utcTimestamp?.rfc3339 == "2019-12-31T22:03:00.000000Z")
        let withHundredths = try #require(COSEMDateTime(octetString: bytes("07E50118070E303950FFC400")))
        #expect(withHundredths.utcTimestamp?.rfc3339 == "2021-01-24T13:48:57.800000Z")
        // No deviation: local time of an unknown zone, no instant.
        let naive = try #require(COSEMDateTime(octetString: bytes("07E2020CFF00000000800000")))
        #expect(naive.rfc3339 != nil)
        #expect(naive.utcTimestamp == nil)
    }

    @Test func clockStatusBitNames() {
        #expect(COSEMClockStatus(rawValue: 0x81).names == ["invalid-value", "daylight-saving-active"])
        #expect(COSEMClockStatus(rawValue: 0x0F).names == [
            "invalid-value", "doubtful-value", "different-clock-base", "invalid-clock-status",
        ])
        #expect(COSEMClockStatus(rawValue: 0).names == [])
        #expect((0..<8).compactMap(COSEMClockStatus.name(ofBit:)).count == 8)
        #expect(COSEMClockStatus.name(ofBit: 8) == nil)
        #expect(COSEMClockStatus.daylightSavingActive.rawValue == 0x80)
        var dateTime = COSEMDateTime()
        #expect(dateTime.clockStatusFlags == nil)
        dateTime.clockStatus = 0x80
        #expect(dateTime.clockStatusFlags == .daylightSavingActive)
    }

    @Test func everyByteSurvivesARoundTrip() throws {
        var random = SplitMix64(seed: 12)
        for _ in 0..<2_000 {
            let input = (0..<12).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            let dateTime = try #require(COSEMDateTime(octetString: input))
            #expect(dateTime.encoded == input)
            _ = dateTime.rfc3339
            _ = dateTime.description
            _ = dateTime.problems
            _ = dateTime.utcTimestamp
            #expect(try DLMSData(decoding: [0x19] + input) == .dateTime(dateTime))
        }
    }

    @Test func unspecifiedByDefault() {
        let dateTime = COSEMDateTime()
        #expect(dateTime.encoded == bytes("FFFFFFFFFFFFFFFFFF8000FF"))
        #expect(dateTime.deviationMinutes == nil)
        #expect(COSEMTime().encoded == bytes("FFFFFFFF"))
    }
}
