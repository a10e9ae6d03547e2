import DLMSAPDU
import DLMSCore
import DLMSTestSupport
import Foundation
import Testing

/// The APDU types of the SN and ciphered families, decoded and encoded the
/// same way, so that tests can treat them alike.
protocol SNCipheredCodable: Hashable {
    init(from reader: inout ByteReader, notes: inout DecodingNotes) throws(DecodingError)
    func encode(into bytes: inout [UInt8])
}

extension ReadRequest: SNCipheredCodable {}
extension ReadResponse: SNCipheredCodable {}
extension WriteRequest: SNCipheredCodable {}
extension WriteResponse: SNCipheredCodable {}
extension UnconfirmedWriteRequest: SNCipheredCodable {}
extension InformationReportRequest: SNCipheredCodable {}
extension ServiceSpecificCipheredAPDU: SNCipheredCodable {}
extension GeneralGloDedCiphering: SNCipheredCodable {}
extension GeneralCiphering: SNCipheredCodable {}
extension GeneralSigning: SNCipheredCodable {}

extension SNCipheredCodable {
    /// Decodes an APDU that must fill `bytes` exactly.
    static func decodingAll(_ bytes: [UInt8]) throws -> Self {
        var reader = ByteReader(bytes)
        var notes = DecodingNotes()
        let value = try Self(from: &reader, notes: &notes)
        #expect(reader.isAtEnd, "\(reader.remainingCount) bytes left after \(Self.self)")
        #expect(notes.findings.isEmpty)
        return value
    }

    /// The error decoding `bytes` throws, or nil.
    static func decodingError(_ bytes: [UInt8]) -> DecodingError? {
        var reader = ByteReader(bytes)
        var notes = DecodingNotes()
        do throws(DecodingError) {
            _ = try Self(from: &reader, notes: &notes)
            return nil
        } catch {
            return error
        }
    }

    static func decodingError(_ hex: String) -> DecodingError? { decodingError(bytes(hex)) }

    var encodedBytes: [UInt8] {
        var bytes = [UInt8]()
        encode(into: &bytes)
        return bytes
    }

    /// decode(encode(x)) == x.
    func roundTrips() throws -> Bool {
        try Self.decodingAll(encodedBytes) == self
    }

    /// Every proper prefix of `bytes` (every field cut short) is a
    /// DecodingError pointing into the prefix; the whole decodes.
    static func everyPrefixFails(_ bytes: [UInt8]) -> [String] {
        var problems: [String] = []
        for count in 0..<bytes.count {
            let prefix = Array(bytes.prefix(count))
            guard let error = decodingError(prefix) else {
                problems.append("prefix of \(count) bytes decoded")
                continue
            }
            if error.offset < 0 || error.offset > count { problems.append("prefix \(count): offset \(error.offset)") }
        }
        return problems
    }
}

/// The shared material these families are checked against.
enum CipheredFixtures {
    /// A vector's `inputs` or `expected` member as text.
    static func string(_ vector: [String: Any], _ section: String, _ key: String) throws -> String {
        let object = try #require(vector[section] as? [String: Any], "no \(section)")
        return try #require(object[key] as? String, "no \(section).\(key)")
    }

    static func hexValue(_ vector: [String: Any], _ section: String, _ key: String) throws -> [UInt8] {
        try #require(Hex.decode(try string(vector, section, key)))
    }

    /// The hex lines of a capture file under ../shared/captures, without `#` lines.
    static func captureLines(_ path: String) throws -> [[UInt8]] {
        let text = try String(contentsOfFile: Fixtures.shared("captures/" + path), encoding: .utf8)
        return try text.split(whereSeparator: \.isNewline)
            .filter { !$0.hasPrefix("#") && !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            .map { try #require(Hex.decode($0)) }
    }

    /// The information field of an HDLC frame `7E A0 LL <addresses> <control> <HCS> info <FCS> 7E`,
    /// starting at `start` (the index after the HCS) and without an LLC header.
    static func hdlcInformation(_ frame: [UInt8], from start: Int) throws -> [UInt8] {
        try #require(frame.count > start + 3 && frame.first == 0x7E && frame.last == 0x7E)
        let length = Int(frame[1] & 0x07) << 8 | Int(frame[2])
        try #require(length + 2 == frame.count, "HDLC length field")
        var information = frame[start..<(frame.count - 3)]
        if information.starts(with: [0xE6, 0xE7, 0x00]) || information.starts(with: [0xE6, 0xE6, 0x00]) {
            information = information.dropFirst(3)
        }
        return Array(information)
    }

    /// What follows the first LLC header `E6 E7 00` of an HDLC frame, up to the FCS.
    static func afterLLC(_ frame: [UInt8]) throws -> [UInt8] {
        let llc: [UInt8] = [0xE6, 0xE7, 0x00]
        let start = try #require((0..<(frame.count - 3)).first { Array(frame[$0..<($0 + 3)]) == llc })
        return try hdlcInformation(frame, from: start)
    }
}
