@testable import DLMSOutput
import Testing

/// The eight-bytes-at-a-time escape scan of `JSONWriter` against a byte-by-byte one.
@Suite struct JSONWriterEscapingTests {
    private static func naive(_ bytes: [UInt8]) -> Bool {
        bytes.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
    }

    @Test func everyByteAtEveryPosition() {
        for length in 1...19 {
            for position in 0..<length {
                for byte in UInt8.min...UInt8.max {
                    var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
                    bytes[position] = byte
                    let scanned = bytes.withUnsafeBufferPointer { JSONWriter.needsEscaping($0) }
                    #expect(scanned == Self.naive(bytes), "byte \(byte) at \(position) of \(length)")
                }
            }
        }
    }

    @Test func cleanAndDirtyStrings() {
        for text in ["", "a", "0.0.1.0.0.255", "double-long-unsigned", "Zähler ÄÖÜ €", "ÿÿÿÿÿÿÿÿÿ"] {
            #expect(Array(text.utf8).withUnsafeBufferPointer { JSONWriter.needsEscaping($0) } == false)
        }
        for text in ["a\"b", "long string with a \\ in it", "tab\there", "new\nline", "\u{7}"] {
            #expect(Array(text.utf8).withUnsafeBufferPointer { JSONWriter.needsEscaping($0) })
        }
    }

    @Test func escapedText() {
        var out: [UInt8] = []
        JSONWriter.appendString("a\"b\\c\nd\u{1}e — f", to: &out)
        #expect(String(decoding: out, as: UTF8.self) == "\"a\\\"b\\\\c\\nd\\u0001e — f\"")
    }
}
