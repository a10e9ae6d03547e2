import DLMSCore
import Testing

@Suite struct ByteReaderTests {
    @Test func readsBigEndianIntegersAndKeepsAbsoluteOffsets() {
        let buffer: [UInt8] = [0xFF, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08]
        var reader = ByteReader(buffer[2...])
        #expect(reader.position == 2)
        #expect(reader.readUInt16() == 0x0102)
        #expect(reader.position == 4)
        #expect(reader.readUInt32() == 0x0304_0506)
        #expect(reader.readInteger(UInt16.self, littleEndian: true) == 0x0807)
        #expect(reader.isAtEnd)
    }

    @Test func shortReadsReturnNilAndConsumeNothing() {
        var reader = ByteReader([1, 2, 3])
        #expect(reader.readUInt32() == nil)
        #expect(reader.readBytes(4) == nil)
        #expect(reader.readBytes(-1) == nil)
        let skipped = reader.skip(5)
        #expect(!skipped)
        #expect(reader.position == 0)
        #expect(reader.remainingCount == 3)
        let all = reader.readBytes(3)
        #expect(all.map(Array.init) == [1, 2, 3])
        #expect(reader.readUInt8() == nil)
    }

    @Test func slicesShareTheBufferIndices() {
        let buffer: [UInt8] = Array(0..<10)
        var reader = ByteReader(buffer)
        _ = reader.skip(3)
        let slice = reader.readBytes(4)
        #expect(slice?.startIndex == 3)
        #expect(reader.peekUInt8() == 7)
        #expect(reader.peekUInt8(at: 2) == 9)
        #expect(reader.peekUInt8(at: 3) == nil)
        #expect(reader.readRemaining().startIndex == 7)
    }

    @Test func signedAndWideIntegers() {
        var reader = ByteReader([0xFF, 0xFE, 0x80, 0, 0, 0, 0, 0, 0, 1])
        #expect(reader.readInteger(Int16.self) == -2)
        #expect(reader.readInteger(UInt64.self) == 0x8000_0000_0000_0001)
    }
}

@Suite struct HexTests {
    @Test func encodesUpperCase() {
        #expect(Hex.encode([0x00, 0x7E, 0xAB, 0xFF]) == "007EABFF")
        #expect(Hex.encode([UInt8]()) == "")
    }

    @Test func decodesIgnoringWhitespace() {
        #expect(Hex.decode("7e A0\t27\n") == [0x7E, 0xA0, 0x27])
        #expect(Hex.decode("7EA") == nil)
        #expect(Hex.decode("7G") == nil)
        #expect(Hex.decode("") == [])
    }
}

@Suite struct TimestampTests {
    @Test(arguments: [
        (Int64(0), Int64(0), "1970-01-01T00:00:00.000000Z"),
        (1_681_405_219, 611_972_000, "2023-04-13T17:00:19.611972Z"),
        (951_782_400, 999_999_999, "2000-02-29T00:00:00.999999Z"),  // leap day; microseconds are truncated
        (253_402_300_799, 0, "9999-12-31T23:59:59.000000Z"),
        (-1, 0, "1969-12-31T23:59:59.000000Z"),
    ])
    func formatsRFC3339WithMicroseconds(seconds: Int64, nanoseconds: Int64, text: String) {
        #expect(Timestamp(seconds: seconds, nanoseconds: nanoseconds).rfc3339 == text)
    }

    @Test func civilDatesRoundTrip() throws {
        let civil = Timestamp.Civil(year: 2017, month: 9, day: 13, hour: 0, minute: 0, second: 7, nanosecond: 776_000_000)
        let timestamp = try #require(Timestamp(civil))
        #expect(timestamp.seconds == 1_505_260_807)
        #expect(timestamp.civil == civil)
    }

    @Test func impossibleDatesAreRejected() {
        #expect(Timestamp(.init(year: 2023, month: 2, day: 29)) == nil)
        #expect(Timestamp(.init(year: 2024, month: 13, day: 1)) == nil)
        #expect(Timestamp(.init(year: 2024, month: 1, day: 1, hour: 24)) == nil)
        #expect(Timestamp(.init(year: 2024, month: 2, day: 29)) != nil)
    }

    @Test func nanosecondsCarryIntoSeconds() {
        #expect(Timestamp(seconds: 10, nanoseconds: 2_500_000_000) == Timestamp(seconds: 12, nanoseconds: 500_000_000))
        #expect(Timestamp(seconds: 10, nanoseconds: -1) == Timestamp(seconds: 9, nanoseconds: 999_999_999))
    }
}
