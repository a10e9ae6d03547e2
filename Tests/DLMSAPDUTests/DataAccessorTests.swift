import DLMSAPDU
import DLMSCore
import Testing

/// The helpers later stages use: type names, integers for scaler/unit and
/// enum lookups, octet-string bytes and printable text, strings, floats.
@Suite struct DataAccessorTests {
    @Test(arguments: [
        (DLMSData.integer(-3), Int64(-3)), (.long(-300), -300), (.doubleLong(-70_000), -70_000),
        (.long64(Int64.min), Int64.min), (.unsigned(200), 200), (.longUnsigned(65_000), 65_000),
        (.doubleLongUnsigned(4_000_000_000), 4_000_000_000), (.long64Unsigned(UInt64(Int64.max)), Int64.max),
        (.enum(30), 30), (.bcd(0x42), 0x42),
    ])
    func integerValueCoversEveryIntegerType(value: DLMSData, expected: Int64) {
        #expect(value.integerValue == expected)
        #expect(value.unsignedValue == UInt64(exactly: expected))
    }

    @Test func integerValuesThatDoNotFit() {
        #expect(DLMSData.long64Unsigned(UInt64.max).integerValue == nil)
        #expect(DLMSData.long64Unsigned(UInt64.max).unsignedValue == UInt64.max)
        #expect(DLMSData.integer(-1).unsignedValue == nil)
        #expect(DLMSData.octetString([1]).integerValue == nil)
        #expect(DLMSData.boolean(true).integerValue == nil)
        #expect(DLMSData.float32(1).integerValue == nil)
    }

    @Test func typeNameAndTag() throws {
        #expect(DLMSData.doubleLongUnsigned(1).typeName == "double-long-unsigned")
        #expect(DLMSData.enum(1).typeName == "enum")
        #expect(DLMSData.dontCare.typeName == "dont-care")
        let value = try DLMSData(decoding: bytes("13 11 01 05"))
        #expect(value.typeName == "compact-array")
        #expect(value.tag == .compactArray)
    }

    @Test func octetStringBytesAndPrintableText() {
        let serial = DLMSData.octetString(Array("LGZ1030655".utf8))
        #expect(serial.octetString == Array("LGZ1030655".utf8))
        #expect(serial.printableText == "LGZ1030655")
        let obis = DLMSData.octetString([0x01, 0x00, 0x01, 0x08, 0x00, 0xFF])
        #expect(obis.printableText == nil)
        #expect(DLMSData.octetString([]).printableText == nil)
        #expect(DLMSData.visibleString("abc").printableText == nil)
        #expect(DLMSData.visibleString("abc").octetString == nil)
        #expect(DLMSData.isPrintable(Array(" ~".utf8)))
        #expect(!DLMSData.isPrintable([0x41, 0x7F]))
        #expect(!DLMSData.isPrintable([0x41, 0x0A]))
        #expect(!DLMSData.isPrintable([UInt8]()))
    }

    @Test func stringsKeepTheirBytesAndExposeText() {
        #expect(DLMSData.visibleString([0x4B, 0x61]).text == "Ka")
        // A visible-string byte above 0x7F that is not UTF-8 is shown as ISO 8859-1.
        #expect(DLMSData.visibleString([0x5A, 0xE4]).text == "Z\u{E4}")
        #expect(DLMSData.utf8String([0x5A, 0xC3, 0xA4, 0x68, 0x6C, 0x65, 0x72]).text == "Z\u{E4}hler")
        #expect(DLMSData.utf8String([0x41, 0xFF]).text == "A\u{FFFD}")
        #expect(DLMSData.octetString([0x41]).text == nil)
    }

    @Test func floatsBooleansBitStringsAndElements() throws {
        #expect(DLMSData.float32(1.5).floatValue == 1.5)
        #expect(DLMSData.float32(1.5).doubleValue == 1.5)
        #expect(DLMSData.float64(0.1).doubleValue == 0.1)
        #expect(DLMSData.float64(0.1).floatValue == nil)
        #expect(DLMSData.boolean(false).boolValue == false)
        #expect(DLMSData.unsigned(0).boolValue == nil)
        let bits = try #require(DLMSData.BitString(count: 12, bytes: [0xAC, 0x30]))
        #expect(bits.binaryText == "101011000011")
        #expect(bits[0] && !bits[1] && bits[2] && !bits[8] && bits[11] && !bits[12] && !bits[-1])
        #expect(DLMSData.BitString(count: 12, bytes: [0xAC]) == nil)
        #expect(DLMSData.BitString(count: 8, bytes: [0xAC, 0x30]) == nil)
        #expect(DLMSData.BitString(bits: [true, true, false, false, true]).bytes == [0xC8])
        #expect(DLMSData.structure([.nullData]).elements == [.nullData])
        #expect(DLMSData.unsigned(1).elements == nil)
        #expect(DLMSData.bcd(0x42).bcdDigits == 42)
        #expect(DLMSData.bcd(0x4A).bcdDigits == nil)
    }

    @Test func dateTimeValueFromTag25OrA12ByteOctetString() throws {
        let octets = bytes("07E8030F050E1E0000FFC400")
        let fromOctetString = DLMSData.octetString(octets).dateTimeValue
        let fromTag = try DLMSData(decoding: [0x19] + octets).dateTimeValue
        #expect(fromOctetString != nil)
        #expect(fromOctetString == fromTag)
        #expect(DLMSData.octetString(Array(octets.dropLast())).dateTimeValue == nil)
        #expect(DLMSData.visibleString(octets).dateTimeValue == nil)
    }
}
