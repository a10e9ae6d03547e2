import DLMSAPDU
import DLMSCore
import DLMSTestSupport
import Foundation
import Testing

/// The APDUs of the ACSE, initiate and error families, decoded the same way
/// in tests: the whole input, with the notes the decoder made.
protocol ACSEFamilyAPDU: Hashable {
    init(from reader: inout ByteReader, notes: inout DecodingNotes) throws(DecodingError)
    var encoded: [UInt8] { get }
}

extension AARQ: ACSEFamilyAPDU {}
extension AARE: ACSEFamilyAPDU {}
extension RLRQ: ACSEFamilyAPDU {}
extension RLRE: ACSEFamilyAPDU {}
extension InitiateRequest: ACSEFamilyAPDU {}
extension InitiateResponse: ACSEFamilyAPDU {}
extension CipheredInitiate: ACSEFamilyAPDU {}
extension ConfirmedServiceError: ACSEFamilyAPDU {}
extension ExceptionResponse: ACSEFamilyAPDU {}

enum ACSETestSupport {
    /// Hex to bytes (spaces allowed); an empty array for bad hex, which tests then notice.
    static func hex(_ text: String) -> [UInt8] { Hex.decode(text) ?? [] }

    /// A decoded APDU, its notes and the bytes it left in the reader.
    struct Decoded<APDU> {
        var apdu: APDU
        var notes: [Finding]
        var remaining: ArraySlice<UInt8>

        var codes: [String] { notes.map(\.code.rawValue) }
    }

    static func decode<APDU: ACSEFamilyAPDU>(_ type: APDU.Type, _ bytes: [UInt8]) throws(DecodingError) -> Decoded<APDU> {
        var reader = ByteReader(bytes)
        var notes = DecodingNotes()
        let apdu = try APDU(from: &reader, notes: &notes)
        return Decoded(apdu: apdu, notes: notes.findings, remaining: reader.remaining)
    }

    static func decode<APDU: ACSEFamilyAPDU>(_ type: APDU.Type, _ text: String) throws(DecodingError) -> Decoded<APDU> {
        try decode(type, hex(text))
    }

    /// The error decoding `bytes` as `type` throws, or nil when it decodes.
    static func error<APDU: ACSEFamilyAPDU>(_ type: APDU.Type, _ bytes: [UInt8]) -> DecodingError? {
        do throws(DecodingError) {
            _ = try decode(type, bytes)
            return nil
        } catch {
            return error
        }
    }

    static func error<APDU: ACSEFamilyAPDU>(_ type: APDU.Type, _ text: String) -> DecodingError? {
        error(type, hex(text))
    }

    // MARK: Shared material

    /// Every vector of ../shared/vectors/vectors.json by id prefix ("g15").
    static func vector(_ prefix: String) throws -> [String: Any] {
        try DataVectors.vector(prefix)
    }

    /// A hex input of a vector (`inputs.<key>`).
    static func input(_ prefix: String, _ key: String) throws -> [UInt8] {
        let inputs = try #require(try vector(prefix)["inputs"] as? [String: Any])
        return hex(try #require(inputs[key] as? String, "\(prefix) has no input \(key)"))
    }

    static func expected(_ prefix: String) throws -> [String: Any] {
        try #require(try vector(prefix)["expected"] as? [String: Any])
    }

    /// The first APDU of reference case `name` (../shared/reference/gurux/NAME.hex).
    static func reference(_ name: String) throws -> [UInt8] {
        try GuruxCase.apdu(name)
    }

    /// The APDU inside an HDLC I-frame's information field: the bytes after the
    /// LLC header (`E6 E6 00` or `E6 E7 00`); `info` is the information field.
    static func afterLLC(_ info: [UInt8]) throws -> [UInt8] {
        try #require(info.count > 3 && info[0] == 0xE6 && (info[1] == 0xE6 || info[1] == 0xE7) && info[2] == 0x00)
        return Array(info.dropFirst(3))
    }
}
