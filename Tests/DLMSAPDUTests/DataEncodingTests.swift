import DLMSAPDU
import DLMSCore
import Testing

/// One value and its A-XDR encoding, worked out from the tables of
/// spec-notes §5 (tag byte, then the value big-endian).
struct EncodingCase: Sendable, CustomTestStringConvertible {
    var value: DLMSData
    var hex: String
    var testDescription: String { "\(value.typeName) \(hex)" }

    init(_ value: DLMSData, _ hex: String) {
        self.value = value
        self.hex = hex
    }
}

/// A compact array packed from `elements`, or null-data (failing the test) when they do not fit.
func compactArray(_ description: DLMSData.TypeDescription, _ elements: [DLMSData]) -> DLMSData {
    DLMSData.CompactArray(contentsDescription: description, elements: elements).map(DLMSData.compactArray) ?? .nullData
}

@Suite struct DataEncodingTests {
    static let cases: [EncodingCase] = [
        EncodingCase(.nullData, "00"),
        EncodingCase(.array([.unsigned(1), .unsigned(2)]), "01 02 1101 1102"),
        EncodingCase(.array([]), "01 00"),
        EncodingCase(.structure([.long(-1), .nullData]), "02 02 10FFFF 00"),
        EncodingCase(.boolean(true), "03 01"),
        EncodingCase(.boolean(false), "03 00"),
        EncodingCase(.bitString(DLMSData.BitString(bits: [true, false, true])), "04 03 A0"),
        EncodingCase(.bitString(DLMSData.BitString(bits: [])), "04 00"),
        EncodingCase(.doubleLong(-2), "05 FFFFFFFE"),
        EncodingCase(.doubleLongUnsigned(0xDEAD_BEEF), "06 DEADBEEF"),
        EncodingCase(.octetString([]), "09 00"),
        EncodingCase(.octetString([0x01, 0x00, 0x01, 0x08, 0x00, 0xFF]), "09 06 0100010800FF"),
        EncodingCase(.visibleString("AB"), "0A 02 4142"),
        EncodingCase(.utf8String("\u{E4}"), "0C 02 C3A4"),
        EncodingCase(.bcd(0x42), "0D 42"),
        EncodingCase(.integer(-128), "0F 80"),
        EncodingCase(.long(-2), "10 FFFE"),
        EncodingCase(.unsigned(255), "11 FF"),
        EncodingCase(.longUnsigned(0x1234), "12 1234"),
        EncodingCase(
            compactArray(.simple(.longUnsigned), [.longUnsigned(1), .longUnsigned(2), .longUnsigned(3)]),
            "13 12 06 000100020003"
        ),
        EncodingCase(.long64(-2), "14 FFFFFFFFFFFFFFFE"),
        EncodingCase(.long64Unsigned(1 << 40), "15 0000010000000000"),
        EncodingCase(.enum(3), "16 03"),
        EncodingCase(.float32(1000), "17 447A0000"),
        EncodingCase(.float32(-1.5), "17 BFC00000"),
        EncodingCase(.float64(1000), "18 408F400000000000"),
        EncodingCase(
            .dateTime(COSEMDateTime(
                year: 2021, month: 1, dayOfMonth: 24, dayOfWeek: 7, hour: 14, minute: 48, second: 57, hundredths: 80,
                deviation: -60, clockStatus: 0
            )),
            "19 07E50118070E303950FFC400"
        ),
        EncodingCase(.date(COSEMDate(year: 2024, month: 11, dayOfMonth: 21)), "1A 07E80B15FF"),
        EncodingCase(.time(COSEMTime(hour: 8, minute: 30, second: 15, hundredths: 23)), "1B 081E0F17"),
        EncodingCase(.dontCare, "FF"),
    ]

    @Test(arguments: cases)
    func encodesAsTheStandardSaysAndDecodesBack(_ testCase: EncodingCase) throws {
        let expected = bytes(testCase.hex)
        #expect(testCase.value.encoded == expected)
        #expect(try DLMSData(decoding: expected) == testCase.value)
        var appended: [UInt8] = [0xAA]
        testCase.value.encode(into: &appended)
        #expect(appended == [0xAA] + expected)
    }

    @Test func everyTypeTagHasAnEncodingCase() {
        let tags = Set(Self.cases.map(\.value.tag))
        #expect(tags == Set(DLMSData.TypeTag.allCases))
    }

    @Test func typeNamesAreTheJSONContractNames() {
        let names = DLMSData.TypeTag.allCases.map(\.name)
        #expect(names == [
            "null-data", "array", "structure", "boolean", "bit-string", "double-long", "double-long-unsigned",
            "octet-string", "visible-string", "utf8-string", "bcd", "integer", "long", "unsigned", "long-unsigned",
            "compact-array", "long64", "long64-unsigned", "enum", "float32", "float64", "date-time", "date", "time",
            "dont-care",
        ])
        #expect(DLMSData.TypeTag.allCases.map(\.rawValue) == [
            0, 1, 2, 3, 4, 5, 6, 9, 10, 12, 13, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 255,
        ])
        for tag in DLMSData.TypeTag.allCases { #expect(DLMSData.TypeTag(name: tag.name) == tag) }
    }

    /// Short form below 0x80; then 81 xx, 82 xx xx, 83 xx xx xx.
    @Test(arguments: [
        (0, "00"), (0x7F, "7F"), (0x80, "8180"), (0xFF, "81FF"), (0x100, "820100"), (0xFFFF, "82FFFF"),
        (0x1_0000, "83010000"),
    ])
    func octetStringLengthsUseTheShortestForm(length: Int, prefix: String) throws {
        let value = DLMSData.octetString([UInt8](repeating: 0x5A, count: length))
        let encoded = value.encoded
        let header = [0x09] + bytes(prefix)
        #expect(Array(encoded.prefix(header.count)) == header)
        #expect(encoded.count == header.count + length)
        #expect(try DLMSData(decoding: encoded) == value)
        #expect(AXDRLength.encodedCount(length) == header.count - 1)
    }

    @Test func arrayOf300ElementsUsesALongFormCount() throws {
        let value = DLMSData.array([DLMSData](repeating: .unsigned(7), count: 300))
        let encoded = value.encoded
        #expect(Array(encoded.prefix(4)) == [0x01, 0x82, 0x01, 0x2C])
        #expect(try DLMSData(decoding: encoded) == value)
    }

    @Test func nestedValuesRoundTrip() throws {
        let value = DLMSData.structure([
            .array([.structure([.octetString([1, 2]), .visibleString("x")]), .structure([.octetString([]), .visibleString("")])]),
            .compactArray(try #require(DLMSData.CompactArray(
                contentsDescription: .structure([.simple(.octetString), .array(count: 2, element: .simple(.integer))]),
                elements: [.structure([.octetString([9]), .array([.integer(-1), .integer(1)])])]
            ))),
            .boolean(false), .dontCare, .float64(-0.0), .float32(bitPattern: 0x7FC0_0001),
        ])
        let decoded = try DLMSData(decoding: value.encoded)
        #expect(decoded == value)
        #expect(decoded.encoded == value.encoded)
    }

    @Test func nanPayloadsSurviveBecauseFloatsAreBitPatterns() throws {
        let value = DLMSData.float32(bitPattern: 0x7FA0_1234)
        #expect(value.encoded == bytes("17 7FA01234"))
        #expect(try DLMSData(decoding: value.encoded) == value)
        #expect(value.floatValue?.isNaN == true)
        let double = DLMSData.float64(bitPattern: 0xFFF8_0000_0000_0042)
        #expect(try DLMSData(decoding: double.encoded) == double)
    }
}

/// Non-canonical encodings seen from real encoders (long-form lengths where
/// the short form would do, spec-notes §8 item 10; booleans other than 00/01)
/// are kept and written back exactly.
@Suite struct DataNonCanonicalEncodingTests {
    @Test(arguments: [
        "09 8103 010203",
        "09 820003 010203",
        "09 84000000 03 010203",
        "09 8200FF" + String(repeating: "00", count: 255),
        "01 820002 1101 1102",
        "02 8100",
        "0A 8102 4142",
        "0C 8101 41",
        "04 810C AC30",
        "03 FF",
        "03 02",
        "13 02 8102 1205 0C 00010000000A0002FFFFFFFF",
        "13 12 8106 000100020003",
        "13 09 05 8101AA 0100",
        "02 02 09 8101 AA 01 8100",
    ])
    func decodedNonCanonicalBytesAreWrittenBackExactly(hex: String) throws {
        let input = bytes(hex)
        let value = try DLMSData(decoding: input)
        #expect(value.encoded == input)
        #expect(value != value.canonicalized)
        // The canonical form is shorter or the same size, and means the same.
        let canonical = value.canonicalized.encoded
        #expect(canonical.count <= input.count)
        #expect(try DLMSData(decoding: canonical) == value.canonicalized)
        #expect(value.canonicalized.canonicalized == value.canonicalized)
    }

    @Test func longFormLengthIsRecordedOnTheValue() throws {
        let value = try DLMSData(decoding: bytes("09 8103 010203"))
        #expect(value == .octetString([1, 2, 3], length: .long(byteCount: 1)))
        #expect(value.octetString == [1, 2, 3])
        #expect(value.canonicalized == .octetString([1, 2, 3]))
        #expect(value.canonicalized.encoded == bytes("09 03 010203"))

        // 0x80 written with two length bytes where one would do.
        let padded = try DLMSData(decoding: bytes("09 820080") + [UInt8](repeating: 0, count: 0x80))
        guard case .octetString(_, let form) = padded else { return }
        #expect(form == .long(byteCount: 2))
    }

    @Test func canonicalInputIsRecordedAsCanonical() throws {
        let value = try DLMSData(decoding: bytes("09 8180") + [UInt8](repeating: 0, count: 0x80))
        #expect(value == .octetString([UInt8](repeating: 0, count: 0x80)))
    }

    @Test func booleanOtherThanZeroOrOneIsTrueAndKeepsItsByte() throws {
        let value = try DLMSData(decoding: bytes("03 FF"))
        #expect(value == .boolean(true, raw: 0xFF))
        #expect(value.boolValue == true)
        #expect(value.canonicalized.encoded == bytes("03 01"))
    }

    @Test func longFormThatCannotHoldTheValueFallsBackToCanonical() {
        var encoded = [UInt8]()
        AXDRLength.append(0x1234, form: .long(byteCount: 1), to: &encoded)
        #expect(encoded == bytes("82 1234"))
        encoded = []
        AXDRLength.append(5, form: .long(byteCount: 9), to: &encoded)
        #expect(encoded == bytes("05"))
    }
}
