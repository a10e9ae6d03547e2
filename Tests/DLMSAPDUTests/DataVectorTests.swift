import DLMSAPDU
import DLMSCore
import Foundation
import Testing

/// The `f-axdr` vectors of ../shared/vectors/vectors.json (f01-f24).
@Suite struct DataVectorTests {
    /// Vectors whose `expected.decoded` is the whole value.
    static let decodedVectors = [
        "f01", "f02", "f03", "f04", "f05", "f06", "f07", "f08", "f10", "f11",
        "f12", "f13", "f14", "f15", "f16", "f17", "f18", "f19", "f20", "f21", "f22",
    ]

    @Test func everyAXDRVectorIsCoveredHere() throws {
        let ids = try DataVectors.all().keys.filter { $0.hasPrefix("f") }.map { String($0.prefix(3)) }
        let covered = Set(Self.decodedVectors + ["f09", "f23", "f24"])
        #expect(Set(ids) == covered)
    }

    @Test func comparisonWithTheVectorsFormNoticesDifferences() {
        #expect(Expectation.mismatches(.unsigned(1), ["type": "unsigned", "value": 1]) == [])
        #expect(Expectation.mismatches(.unsigned(1), ["type": "unsigned", "value": 2]) != [])
        #expect(Expectation.mismatches(.unsigned(1), ["type": "long", "value": 1]) != [])
        #expect(Expectation.mismatches(.octetString([0xAB]), ["type": "octet-string", "value": "AC"]) != [])
        let nested: [String: Any] = ["type": "structure", "value": [["type": "null-data"], ["type": "enum", "value": 4]]]
        #expect(Expectation.mismatches(.structure([.nullData, .enum(4)]), nested) == [])
        #expect(Expectation.mismatches(.structure([.nullData, .enum(3)]), nested) != [])
        #expect(Expectation.mismatches(.structure([.nullData]), nested) != [])
    }

    @Test(arguments: decodedVectors)
    func decodesToTheExpectedValueAndReencodesExactly(id: String) throws {
        let vector = try DataVectors.vector(id)
        let input = try DataVectors.input(of: vector)
        let expected = try DataVectors.expected(of: vector)
        let value = try DLMSData(decoding: input)
        let decoded = try #require(expected["decoded"])
        #expect(Expectation.mismatches(value, decoded) == [], "\(id)")
        #expect(value.encoded == input, "\(id): encode(decode(bytes)) == bytes")
        #expect(try DLMSData(decoding: value.encoded) == value)
    }

    @Test(arguments: ["f01", "f02", "f03"])
    func dateTimeOctetStringsHaveTheExpectedFields(id: String) throws {
        let vector = try DataVectors.vector(id)
        let expected = try DataVectors.expected(of: vector)
        let value = try DLMSData(decoding: try DataVectors.input(of: vector))
        let octets = try #require(value.octetString)
        let dateTime = try #require(COSEMDateTime(octetString: octets))
        #expect(value.dateTimeValue == dateTime)
        #expect(Expectation.fieldMismatches(Expectation.dateTimeFields(dateTime), expected["date_time_fields"], path: id) == [])
        // "2018-02-12T00:00:00 (no offset)" is the source's way of writing naive local time.
        let interpretation = try #require(expected["source_interpretation"] as? String)
        let rfc3339 = interpretation.replacingOccurrences(of: " (no offset)", with: "")
        #expect(dateTime.rfc3339 == rfc3339)
        #expect(dateTime.encoded == octets)
    }

    @Test func profileBufferArrayHas24EntriesLikeTheFirstOne() throws {
        try checkEntries("f09")
    }

    @Test func elsterObjectListHas477EntriesAndIsFullyConsumed() throws {
        try checkEntries("f23")
    }

    /// Decodes an array vector and checks `entries` and `first_entry`, and that
    /// nothing is left over and re-encoding gives back the input.
    private func checkEntries(_ id: String) throws {
        let vector = try DataVectors.vector(id)
        let input = try DataVectors.input(of: vector)
        let expected = try DataVectors.expected(of: vector)
        let (value, remaining) = try DLMSData.decode(input)
        #expect(remaining.isEmpty)
        let elements = try #require(value.elements)
        #expect(value.tag == .array)
        #expect(elements.count == (expected["entries"] as? Int))
        let first = try #require(elements.first)
        #expect(Expectation.mismatches(first, try #require(expected["first_entry"])) == [])
        #expect(value.encoded == input)
    }

    @Test func objectListWithTrailingBytesDecodesAndExposesWhatRemains() throws {
        let vector = try DataVectors.vector("f24")
        let input = try DataVectors.input(of: vector)
        let expected = try DataVectors.expected(of: vector)
        let (value, remaining) = try DLMSData.decode(input)
        #expect(value.elements?.count == (expected["entries"] as? Int))
        #expect(remaining.count == (expected["trailing_bytes"] as? Int))
        // The remaining bytes keep their offsets in the input.
        #expect(remaining.startIndex == input.count - remaining.count)
        #expect(value.encoded + remaining == input)

        // Through a reader: the reader is left on the trailing bytes.
        var reader = ByteReader(input)
        _ = try DLMSData.decode(from: &reader)
        #expect(reader.remainingCount == remaining.count)

        // Decoding exactly refuses, pointing at the first trailing byte.
        #expect(throws: DecodingError("48 bytes follow the array value", at: remaining.startIndex)) {
            try DLMSData(decoding: input)
        }
    }

    @Test func longFormLengthOfVectorF20IsReadAndWrittenBack() throws {
        let input = try DataVectors.input(of: try DataVectors.vector("f20"))
        #expect(Array(input.prefix(4)) == [0x09, 0x82, 0x01, 0x00])
        let value = try DLMSData(decoding: input)
        #expect(value == .octetString([UInt8](repeating: 0, count: 256)))
        #expect(value.encoded == input)
    }
}
