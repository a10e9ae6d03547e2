import DLMSAPDU
import DLMSCore
import DLMSTestSupport
import Foundation
import Testing

/// The LN-referencing service APDUs (GET, SET, ACTION, notifications,
/// ACCESS, general block transfer), so that tests can treat them alike.
protocol LNServiceAPDU: Hashable, Sendable {
    init(from reader: inout ByteReader, notes: inout DecodingNotes) throws(DecodingError)
    func encode(into bytes: inout [UInt8])
}

extension GetRequest: LNServiceAPDU {}
extension GetResponse: LNServiceAPDU {}
extension SetRequest: LNServiceAPDU {}
extension SetResponse: LNServiceAPDU {}
extension ActionRequest: LNServiceAPDU {}
extension ActionResponse: LNServiceAPDU {}
extension EventNotificationRequest: LNServiceAPDU {}
extension DataNotification: LNServiceAPDU {}
extension AccessRequest: LNServiceAPDU {}
extension AccessResponse: LNServiceAPDU {}
extension GeneralBlockTransfer: LNServiceAPDU {}

/// Inputs and checks shared by the LN service APDU tests. Inputs come from
/// ../shared (vectors, Gurux reference cases, real captures).
enum LNTest {
    /// The result of decoding one APDU: the value, the notes, and the
    /// offset and count of the bytes left after it.
    struct Decoded<T> {
        var value: T
        var findings: [Finding]
        var trailingOffset: Int
        var trailingCount: Int
    }

    static func hex(_ text: String) throws -> [UInt8] {
        try #require(Hex.decode(text), "not hex: \(text)")
    }

    static func decode<T: LNServiceAPDU>(_ type: T.Type, _ bytes: [UInt8]) throws -> Decoded<T> {
        var reader = ByteReader(bytes)
        var notes = DecodingNotes()
        let value = try T(from: &reader, notes: &notes)
        return Decoded(value: value, findings: notes.findings, trailingOffset: reader.position, trailingCount: reader.remainingCount)
    }

    /// Decodes an APDU that must fill `bytes` and give them back when encoded.
    @discardableResult
    static func decodeExactly<T: LNServiceAPDU>(
        _ type: T.Type, _ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> T {
        let decoded = try decode(type, bytes)
        #expect(decoded.trailingCount == 0, "\(decoded.trailingCount) bytes after the APDU", sourceLocation: sourceLocation)
        #expect(encoded(decoded.value) == bytes, "re-encoding differs", sourceLocation: sourceLocation)
        return decoded.value
    }

    static func encoded<T: LNServiceAPDU>(_ value: T) -> [UInt8] {
        var bytes = [UInt8]()
        value.encode(into: &bytes)
        return bytes
    }

    /// A value built in code survives encoding and decoding.
    static func expectRoundTrip<T: LNServiceAPDU>(_ value: T, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let bytes = encoded(value)
        let decoded = try decode(T.self, bytes)
        #expect(decoded.value == value, sourceLocation: sourceLocation)
        #expect(decoded.trailingCount == 0, sourceLocation: sourceLocation)
        #expect(decoded.findings.isEmpty, sourceLocation: sourceLocation)
    }

    /// Every strict prefix of a valid APDU fails with a DecodingError whose
    /// offset lies within the prefix (or just after it).
    static func expectEveryPrefixFails<T: LNServiceAPDU>(
        _ type: T.Type, _ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation
    ) {
        for length in 0..<bytes.count {
            var reader = ByteReader(Array(bytes.prefix(length)))
            var notes = DecodingNotes()
            do throws(DecodingError) {
                _ = try T(from: &reader, notes: &notes)
                Issue.record("a prefix of \(length) of \(bytes.count) bytes decoded", sourceLocation: sourceLocation)
            } catch {
                #expect((0...length).contains(error.offset), "offset \(error.offset) for a prefix of \(length)",
                        sourceLocation: sourceLocation)
            }
        }
    }

    /// Decodes `bytes` and expects a DecodingError at `offset`.
    static func expectFailure<T: LNServiceAPDU>(
        _ type: T.Type, _ bytes: [UInt8], at offset: Int, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        var reader = ByteReader(bytes)
        var notes = DecodingNotes()
        do throws(DecodingError) {
            let value = try T(from: &reader, notes: &notes)
            Issue.record("decoded \(value)", sourceLocation: sourceLocation)
        } catch {
            #expect(error.offset == offset, "\(error)", sourceLocation: sourceLocation)
        }
    }

    /// Flips bytes of a valid APDU (a fixed pseudo-random sequence) and
    /// checks that decoding never traps and that whatever decodes encodes
    /// to bytes that decode to the same value.
    static func expectMutationsAreSafe<T: LNServiceAPDU>(
        _ type: T.Type, _ bytes: [UInt8], rounds: Int = 300, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        guard !bytes.isEmpty else { return }
        var generator = SplitMix64(seed: UInt64(bytes.count) &* 0x9E37_79B9)
        for _ in 0..<rounds {
            var mutated = bytes
            let flips = Int(generator.next() % 3) + 1
            for _ in 0..<flips {
                let index = Int(generator.next() % UInt64(mutated.count - 1)) + 1  // keep the tag
                mutated[index] = UInt8(truncatingIfNeeded: generator.next())
            }
            var reader = ByteReader(mutated)
            var notes = DecodingNotes()
            guard let value = try? T(from: &reader, notes: &notes) else { continue }
            let again = encoded(value)
            var second = ByteReader(again)
            var secondNotes = DecodingNotes()
            #expect((try? T(from: &second, notes: &secondNotes)) == value, sourceLocation: sourceLocation)
        }
    }

    /// "2021-07-19 15:46:35": the local date and time fields of a date-time.
    static func civil(_ dateTime: COSEMDateTime?) -> String? {
        guard let dateTime else { return nil }
        func two(_ value: UInt8) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(dateTime.year)-\(two(dateTime.month))-\(two(dateTime.dayOfMonth)) "
            + "\(two(dateTime.hour)):\(two(dateTime.minute)):\(two(dateTime.second))"
    }

    // MARK: Shared inputs

    /// `inputs[key]` of vector `prefix` ("g01") as bytes.
    static func vectorHex(_ prefix: String, _ key: String = "apdu") throws -> [UInt8] {
        let inputs = try #require(try DataVectors.vector(prefix)["inputs"] as? [String: Any])
        return try hex(try #require(inputs[key] as? String))
    }

    /// The hex lines of a `vectors/data` or `captures` file, `#` lines skipped.
    static func hexLines(_ relative: String) throws -> [String] {
        let text = try String(contentsOfFile: Fixtures.shared(relative), encoding: .utf8)
        return text.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.hasPrefix("#") && !$0.isEmpty }
    }

    /// The whole hex of a `vectors/data` file (its lines joined).
    static func dataFile(_ name: String) throws -> [UInt8] {
        try hex(try hexLines("vectors/data/" + name).joined())
    }

    /// The information field of an HDLC frame (flags included), without the
    /// LLC header when it has one: frame format, addresses (extension bit
    /// ends each), control and HCS are skipped, FCS and the closing flag cut.
    static func hdlcPayload(_ frame: [UInt8]) throws -> [UInt8] {
        try #require(frame.count > 9 && frame.first == 0x7E && frame.last == 0x7E)
        var index = 3
        for _ in 0..<2 {  // destination, source
            while index < frame.count, frame[index] & 1 == 0 { index += 1 }
            index += 1
        }
        index += 1 + 2  // control, HCS
        var payload = Array(frame[index..<(frame.count - 3)])
        if payload.starts(with: [0xE6, 0xE7, 0x00]) || payload.starts(with: [0xE6, 0xE6, 0x00]) {
            payload.removeFirst(3)
        }
        return payload
    }
}
