import DLMSAPDU
import DLMSCore
import Foundation
import Testing

/// Data values of the Gurux translator reference cases
/// (../shared/reference/gurux), compared with what Gurux prints where it is
/// right and with the standard where ../shared/reference/README.md says it is not.
@Suite struct DataGuruxReferenceTests {
    /// Cases where Gurux prints every value correctly: the value printed in
    /// Gurux's vocabulary equals the `<Data>` element of its output.
    @Test(arguments: [
        "12_get_response_datetime", "13_get_response_scaler_unit", "14_get_response_array100",
        "15_get_response_profile_rows", "19_get_response_all_simple_types",
    ])
    func valuesPrintAsGuruxPrintsThem(name: String) throws {
        let data = try GuruxCase.getResponseData(name)
        let value = try DLMSData(decoding: data)
        #expect(GuruxCase.lines(value) == (try GuruxCase.dataLines(name)))
        #expect(value.encoded == Array(data))
    }

    @Test func scalerUnitIsAnInt8AndAnEnum() throws {
        let value = try DLMSData(decoding: try GuruxCase.getResponseData("13_get_response_scaler_unit"))
        // <Int8 Value="FD" /> <Enum Value="1E" />
        #expect(value == .structure([.integer(Int8(bitPattern: 0xFD)), .enum(0x1E)]))
        #expect(value.elements?.map(\.integerValue) == [-3, 30])
    }

    @Test func arrayOfOneHundredDoubleLongUnsigned() throws {
        let value = try DLMSData(decoding: try GuruxCase.getResponseData("14_get_response_array100"))
        let elements = try #require(value.elements)
        #expect(elements.count == 0x64)
        #expect(elements.first == .doubleLongUnsigned(0x0000_03E8))
        #expect(elements.last == .doubleLongUnsigned(0x0000_069D))
    }

    @Test func dateTimeOctetStringsMatchGuruxUTCComments() throws {
        // Gurux ran with time zone UTC: its comments are the UTC instants.
        let value = try DLMSData(decoding: try GuruxCase.getResponseData("15_get_response_profile_rows"))
        let rows = try #require(value.elements)
        let instants = try rows.map { row in
            let dateTime = try #require(row.elements?.first?.dateTimeValue)
            return try #require(dateTime.utcTimestamp).rfc3339
        }
        #expect(try GuruxCase.dataComments("15_get_response_profile_rows") == [
            "03/14/24 23:00:00", "03/15/24 00:00:00", "03/15/24 01:00:00",
        ])
        #expect(instants == [
            "2024-03-14T23:00:00.000000Z", "2024-03-15T00:00:00.000000Z", "2024-03-15T01:00:00.000000Z",
        ])

        let single = try DLMSData(decoding: try GuruxCase.getResponseData("12_get_response_datetime"))
        let dateTime = try #require(single.dateTimeValue)
        #expect(try GuruxCase.dataComments("12_get_response_datetime") == ["03/15/24 13:30:00"])
        #expect(dateTime.utcTimestamp?.rfc3339 == "2024-03-15T13:30:00.000000Z")
        #expect(dateTime.rfc3339 == "2024-03-15T14:30:00+01:00")
        #expect(dateTime.description == "2024-03-15 14:30:00 (dev -60, status 00)")
    }

    @Test func allSimpleTypesHaveTheValuesGuruxShows() throws {
        let value = try DLMSData(decoding: try GuruxCase.getResponseData("19_get_response_all_simple_types"))
        let members = try #require(value.elements)
        // Qty="15" is 21 members; Gurux prints 20 because dont-care prints nothing.
        try #require(members.count == 0x15)
        #expect(members[0] == .nullData)
        #expect(members[1] == .boolean(true))
        #expect(members[2].bitStringValue?.binaryText == "101001010011")
        #expect(members[3] == .doubleLong(Int32(bitPattern: 0xFFFE_1DC0)))
        #expect(members[4] == .doubleLongUnsigned(0xEE6B_2800))
        #expect(members[5] == .octetString([0x01, 0x02, 0x03]))
        #expect(members[6].text == "GRX-0001")
        #expect(members[7] == .utf8String([0x6B, 0xC3, 0xA4, 0x79, 0x74, 0x74, 0xC3, 0xB6]))
        #expect(members[7].text == "k\u{E4}ytt\u{F6}")
        #expect(members[8] == .bcd(0x42))
        #expect(members[8].bcdDigits == 42)
        #expect(members[9] == .integer(Int8(bitPattern: 0xFB)))
        #expect(members[10] == .long(Int16(bitPattern: 0xFB2E)))
        #expect(members[11] == .unsigned(0xC8))
        #expect(members[12] == .longUnsigned(0xFDE8))
        #expect(members[13] == .long64(Int64(bitPattern: 0xFFFF_FFFD_B34F_E916)))
        #expect(members[14] == .long64Unsigned(0xAB54_A98C_EB1F_0AD2))
        #expect(members[15] == .enum(3))
        // Comments: <!--1.5--> and <!--3.141592653589793-->
        #expect(members[16].floatValue == 1.5)
        #expect(members[17].doubleValue == 3.141592653589793)
        let dateTime = try #require(members[18].dateTimeValue)
        #expect(members[18].tag == .dateTime)
        #expect(dateTime.encoded == bytes("07E8030F050E1E0000FFC400"))
        #expect(members[19] == .time(COSEMTime(hour: 0x0E, minute: 0x1E, second: 0, hundredths: 0)))
        // The standard: tag FF is dont-care, a value of no bytes (Gurux prints nothing).
        #expect(members[20] == .dontCare)
    }

    @Test func compactArrayOfLongUnsignedHasThreeElements() throws {
        // Gurux joins and cuts the contents ("12"); per the standard the
        // description 12 (long-unsigned) and 6 content bytes are 3 elements.
        let value = try DLMSData(decoding: try GuruxCase.getResponseData("20_get_response_compact_array_simple"))
        guard case .compactArray(let compact) = value else {
            Issue.record("not a compact array: \(value)")
            return
        }
        #expect(compact.contentsDescription == .simple(.longUnsigned))
        #expect(compact.elements == [.longUnsigned(1), .longUnsigned(2), .longUnsigned(3)])
        #expect(compact.contents == bytes("000100020003"))
        #expect(value.encoded == Array(try GuruxCase.getResponseData("20_get_response_compact_array_simple")))
        // Case 75 is the same APDU (Gurux crashed on it).
        let case75 = try GuruxCase.apdu("75_compact_array_standard_xml")
        #expect(case75 == (try GuruxCase.apdu("20_get_response_compact_array_simple")))
    }

    @Test func compactArrayOfStructuresHasTwoRows() throws {
        // Gurux prints an empty description; per the standard it is
        // structure{octet-string, long-unsigned, double-long-unsigned}, and the
        // packed octet-strings keep their length byte (0C).
        let data = try GuruxCase.getResponseData("21_get_response_compact_array_struct")
        let value = try DLMSData(decoding: data)
        guard case .compactArray(let compact) = value else {
            Issue.record("not a compact array: \(value)")
            return
        }
        #expect(compact.contentsDescription == .structure([
            .simple(.octetString), .simple(.longUnsigned), .simple(.doubleLongUnsigned),
        ]))
        #expect(compact.elements == [
            .structure([.octetString(bytes("07E8030F0501000000FFC400")), .longUnsigned(1), .doubleLongUnsigned(1000)]),
            .structure([.octetString(bytes("07E8030F0502000000FFC400")), .longUnsigned(2), .doubleLongUnsigned(2000)]),
        ])
        #expect(compact.contents.count == 0x26)
        #expect(value.encoded == Array(data))
    }

    @Test func dateTypeIsFiveBytes() throws {
        // Gurux crashes on tag 1A (case 76); the standard: year, month, day, day of week.
        let value = try DLMSData(decoding: try GuruxCase.getResponseData("76_get_response_date_type_0x1A"))
        #expect(value == .date(COSEMDate(year: 2024, month: 3, dayOfMonth: 15, dayOfWeek: 5)))
        guard case .date(let date) = value else { return }
        #expect(date.rfc3339 == "2024-03-15")
        #expect(date.problems == [])
    }

    @Test func truncatedValueIsAnErrorAtTheValue() throws {
        // Gurux prints an empty <Data> (case 77): 06 needs 4 bytes, 2 are present.
        let data = try GuruxCase.getResponseData("77_get_response_truncated")
        #expect(throws: DecodingError("double-long-unsigned needs 4 bytes, 2 present", at: 5)) {
            try DLMSData.decode(data)
        }
    }

    @Test func trailingBytesRemainAfterTheValue() throws {
        // Gurux ignores the trailing 99 (case 78); the APDU stage reports it.
        let data = try GuruxCase.getResponseData("78_get_response_trailing_bytes")
        let (value, remaining) = try DLMSData.decode(data)
        #expect(value == .doubleLongUnsigned(42))
        #expect(Array(remaining) == [0x99])
        #expect(remaining.startIndex == 9)
    }
}
