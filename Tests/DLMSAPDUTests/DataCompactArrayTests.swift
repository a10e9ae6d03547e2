import DLMSAPDU
import DLMSCore
import Testing

/// Compact arrays (tag 19): contents-descriptions and packed contents.
@Suite(.timeLimit(.minutes(1))) struct DataCompactArrayTests {
    @Test func vectorF19DecodesIntoTwoStructures() throws {
        let input = bytes("13 02 02 12 05 0C 0001 0000000A 0002 FFFFFFFF")
        let value = try DLMSData(decoding: input)
        guard case .compactArray(let compact) = value else {
            Issue.record("not a compact array")
            return
        }
        #expect(compact.contentsDescription == .structure([.simple(.longUnsigned), .simple(.doubleLong)]))
        #expect(compact.elements == [
            .structure([.longUnsigned(1), .doubleLong(10)]),
            .structure([.longUnsigned(2), .doubleLong(-1)]),
        ])
        #expect(compact.contents == Array(input[6...]))
        #expect(compact.contentsLength == .canonical)
        #expect(value.elements?.count == 2)
        // Packing the elements again gives the same value.
        #expect(compactArray(compact.contentsDescription, compact.elements) == value)
    }

    @Test func arrayDescriptionsHaveATwoByteCountAndNoCountInTheContents() throws {
        // Each element is an array of 2 unsigned.
        let value = try DLMSData(decoding: bytes("13 01 0002 11 04 0102 0304"))
        guard case .compactArray(let compact) = value else { return }
        #expect(compact.contentsDescription == .array(count: 2, element: .simple(.unsigned)))
        #expect(compact.elements == [.array([.unsigned(1), .unsigned(2)]), .array([.unsigned(3), .unsigned(4)])])
        #expect(compact.contentsDescription.encoded == bytes("01 0002 11"))
    }

    @Test func packedStringsAndBitStringsKeepTheirLengths() throws {
        let value = try DLMSData(decoding: bytes("13 02 03 0A 04 0C 0A 024142 0CAC30 00 000000"))
        guard case .compactArray(let compact) = value else { return }
        #expect(compact.elements.count == 2)
        #expect(compact.elements.first == .structure([
            .visibleString("AB"), .bitString(try #require(DLMSData.BitString(count: 12, bytes: [0xAC, 0x30]))), .utf8String([]),
        ]))
    }

    @Test func emptyContentsHaveNoElements() throws {
        let value = try DLMSData(decoding: bytes("13 06 00"))
        #expect(value.elements == [])
        // Even for a description of no bytes.
        #expect(try DLMSData(decoding: bytes("13 00 00")).elements == [])
    }

    @Test func elementCutShortIsAMismatchNamingTheElement() {
        let error = decodingError("13 12 05 0001 0002 00")
        #expect(error == DecodingError(
            "compact-array contents do not match the contents-description: element 3 (from byte 7): "
                + "long-unsigned needs 2 bytes, 1 present",
            at: 7
        ))
    }

    @Test func structureDescriptionLongerThanTheContentsIsAMismatch() throws {
        let error = try #require(decodingError("13 02 02 05 05 06 00000001 0000"))
        #expect(error.message.hasPrefix("compact-array contents do not match the contents-description: element 1"))
        #expect(error.offset == 10)
    }

    @Test func arrayCountLargerThanTheContentsIsAMismatch() throws {
        let error = try #require(decodingError("13 01 FFFF 11 03 010203"))
        #expect(error.message.contains("element 1"))
        #expect(error.message.contains("unsigned needs 1 bytes, 0 present"))
        #expect(error.offset == 9)
    }

    @Test func packedStringLengthBeyondTheContentsIsAMismatch() throws {
        let error = try #require(decodingError("13 09 03 05 4142 1100"))
        #expect(error.message.contains("octet-string of 5 bytes but only 2 follow"))
        #expect(error.offset == 3)
    }

    @Test func contentsForADescriptionOfNoBytesAreRefused() {
        #expect(decodingError("13 00 02 0000") == DecodingError(
            "compact-array contents-description describes elements of no bytes, but 2 content bytes follow", at: 3
        ))
        #expect(decodingError("13 02 00 01 00")?.offset == 4)
        #expect(decodingError("13 01 FFFF FF 01 00")?.offset == 6)
    }

    @Test func descriptionsThatExpandAFewBytesIntoMillionsOfValuesAreRefused() throws {
        // structure{array(65535, array(65535, null-data)), unsigned}: one byte would be 4 billion values.
        let error = try #require(decodingError("13 02 02 01FFFF 01FFFF 00 11 02 0102"))
        #expect(error.message.contains("more than 16 a byte"))
        #expect(error.offset == 12)
    }

    @Test func descriptionsWithUnknownOrContainerTagsAreRefused() {
        #expect(decodingError("13 07 01 00") == DecodingError(
            "compact-array contents-description has data type tag 7 (0x07), which current editions do not use", at: 1
        ))
        #expect(decodingError("13 02 02 11 2A 01 00")?.message
            == "compact-array contents-description has unknown data type tag 42 (0x2A)")
        #expect(decodingError("13 13 11 00") == DecodingError(
            "a compact-array contents-description cannot describe a compact-array", at: 1
        ))
    }

    @Test func truncatedDescriptionsAreErrors() {
        #expect(decodingError("13") == DecodingError("data ends inside a compact-array contents-description", at: 1))
        #expect(decodingError("13 02 03 11 12") == DecodingError(
            "compact-array structure description of 3 members but only 2 bytes follow", at: 2
        ))
        #expect(decodingError("13 01 00") == DecodingError(
            "compact-array array description needs a 2-byte element count, 1 bytes present", at: 2
        ))
        #expect(decodingError("13 11") == DecodingError("data ends where the compact-array contents length was expected", at: 2))
        #expect(decodingError("13 11 05 0102") == DecodingError("compact-array contents of 5 bytes but only 2 follow", at: 2))
    }

    @Test func packingRefusesElementsOfTheWrongType() {
        #expect(DLMSData.CompactArray(contentsDescription: .simple(.unsigned), elements: [.long(1)]) == nil)
        #expect(DLMSData.CompactArray(
            contentsDescription: .array(count: 2, element: .simple(.unsigned)), elements: [.array([.unsigned(1)])]
        ) == nil)
        #expect(DLMSData.CompactArray(
            contentsDescription: .structure([.simple(.unsigned)]), elements: [.structure([.unsigned(1), .unsigned(2)])]
        ) == nil)
        #expect(DLMSData.CompactArray(contentsDescription: .simple(.array), elements: []) == nil)
        #expect(DLMSData.CompactArray(contentsDescription: .simple(.unsigned), elements: []) != nil)
    }
}
