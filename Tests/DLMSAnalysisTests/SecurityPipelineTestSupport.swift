import DLMSAPDU
import DLMSAnalysis
import DLMSCore
import DLMSSecurity
import DLMSTestSupport
import Foundation
import Testing

/// One entry of the shared vectors.json as the pipeline tests read it: the
/// scalar members of `inputs` and `expected`, and those of
/// `expected.decoded_plaintext` (numbers as decimal text, members of nested
/// objects as `outer.inner`).
struct SecurityVector: Sendable {
    var id: String
    var inputs: [String: String]
    var expected: [String: String]
    var decodedPlaintext: [String: String]

    /// The hex input `key` as bytes; a test failure when missing or not hex.
    func input(_ key: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [UInt8] {
        try SecurityVectors.bytes(inputs[key], "\(id) inputs.\(key)", sourceLocation: sourceLocation)
    }

    /// The hex input `key` as bytes, nil when the vector does not give it (a03 has no AK).
    func optionalInput(_ key: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [UInt8]? {
        inputs[key] == nil ? nil : try input(key, sourceLocation: sourceLocation)
    }

    /// The hex expected value `key` as bytes.
    func expect(_ key: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [UInt8] {
        try SecurityVectors.bytes(expected[key], "\(id) expected.\(key)", sourceLocation: sourceLocation)
    }

    /// A 4-byte hex value (input, or expected when `expected`) as a big-endian counter.
    func counter(_ key: String, expected: Bool = false, sourceLocation: SourceLocation = #_sourceLocation) throws -> UInt32 {
        let bytes = try expected ? expect(key, sourceLocation: sourceLocation) : input(key, sourceLocation: sourceLocation)
        try #require(bytes.count == 4, "\(id) \(key) is not 4 bytes", sourceLocation: sourceLocation)
        return bytes.reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// The security control byte the vector states (inputs, else expected).
    func securityControl(sourceLocation: SourceLocation = #_sourceLocation) throws -> UInt8 {
        let bytes = try inputs["security_control"] != nil
            ? input("security_control", sourceLocation: sourceLocation)
            : expect("security_control", sourceLocation: sourceLocation)
        try #require(bytes.count == 1, "\(id) security_control is not one byte", sourceLocation: sourceLocation)
        return bytes[0]
    }

    /// A member of `expected.decoded_plaintext`.
    func decoded(_ key: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try #require(decodedPlaintext[key], "\(id) expected.decoded_plaintext.\(key) missing", sourceLocation: sourceLocation)
    }

    /// A hex member of `expected.decoded_plaintext` as bytes.
    func decodedBytes(_ key: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [UInt8] {
        try SecurityVectors.bytes(decodedPlaintext[key], "\(id) decoded_plaintext.\(key)", sourceLocation: sourceLocation)
    }

    /// A numeric member of `expected.decoded_plaintext`.
    func decodedInt(_ key: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Int {
        let text = try decoded(key, sourceLocation: sourceLocation)
        return try #require(Int(text), "\(id) decoded_plaintext.\(key) is not a number", sourceLocation: sourceLocation)
    }
}

enum SecurityVectors {
    /// Every vector of the shared vectors.json, by id.
    static let all: [String: SecurityVector] = {
        guard let data = FileManager.default.contents(atPath: Fixtures.shared("vectors/vectors.json")),
              let list = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]]
        else { return [:] }
        /// Scalar members as text; members of nested objects as `outer.inner`.
        func strings(_ object: Any?, prefix: String = "") -> [String: String] {
            var result: [String: String] = [:]
            for (key, value) in object as? [String: Any] ?? [:] {
                if let text = value as? String {
                    result[prefix + key] = text
                } else if let number = value as? NSNumber {
                    result[prefix + key] = number.stringValue
                } else if value is [String: Any] {
                    result.merge(strings(value, prefix: prefix + key + "."), uniquingKeysWith: { first, _ in first })
                }
            }
            return result
        }
        var vectors: [String: SecurityVector] = [:]
        for entry in list {
            guard let id = entry["id"] as? String else { continue }
            let expected = entry["expected"] as? [String: Any] ?? [:]
            vectors[id] = SecurityVector(
                id: id, inputs: strings(entry["inputs"]), expected: strings(expected),
                decodedPlaintext: strings(expected["decoded_plaintext"])
            )
        }
        return vectors
    }()

    /// The vector with exactly this id.
    static func vector(_ id: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> SecurityVector {
        try #require(all[id], "vector \(id) not found in vectors.json", sourceLocation: sourceLocation)
    }

    /// Every vector id starting with `prefix`, sorted.
    static func ids(startingWith prefix: String) -> [String] {
        all.keys.filter { $0.hasPrefix(prefix) }.sorted()
    }

    static func bytes(_ text: String?, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [UInt8] {
        let text = try #require(text, "\(what) missing", sourceLocation: sourceLocation)
        return try #require(Hex.decode(text), "\(what) is not hex", sourceLocation: sourceLocation)
    }

    /// Hex written in a test (an APDU prefix from the Green Book encoding rules).
    static func hex(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [UInt8] {
        try #require(Hex.decode(text), "not hex: \(text)", sourceLocation: sourceLocation)
    }

    /// `bytes` with byte `index` changed (all bits inverted).
    static func changing(_ bytes: [UInt8], at index: Int) -> [UInt8] {
        var copy = bytes
        copy[index] ^= 0xFF
        return copy
    }
}

/// APDUs fed one after the other into one `PDUDecoder` (one conversation),
/// as the `pdu` subcommand does.
struct SecurityPipeline {
    var decoder: PDUDecoder
    private var number = 0

    init(keys: KeyStore = KeyStore()) {
        decoder = PDUDecoder(keys: keys)
    }

    /// The one record of the next APDU.
    mutating func feed(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) throws -> Record {
        number += 1
        let records = decoder.decode(bytes, number: number)
        try #require(records.count == 1, "APDU \(number) gave \(records.count) records", sourceLocation: sourceLocation)
        return records[0]
    }

    /// The records of `apdus` in order.
    mutating func feed(_ apdus: [[UInt8]], sourceLocation: SourceLocation = #_sourceLocation) throws -> [Record] {
        try apdus.map { try feed($0, sourceLocation: sourceLocation) }
    }
}

extension Record {
    var findingCodes: [Finding.Code] { findings.map(\.code) }

    func hasFinding(_ code: Finding.Code) -> Bool { findings.contains { $0.code == code } }
}

/// The association APDUs of the HLS exchange (Green Book, HLS authentication;
/// spec-notes §4.3): AARQ with the client's challenge CtoS, AARE with the
/// server's challenge StoC, then reply_to_HLS_authentication (Association LN
/// 0.0.40.0.0.255, class 15, method 1) carrying f(StoC) and its
/// action-response carrying f(CtoS).
enum HLSAPDUs {
    /// `C3 01 C1 000F 0000280000FF 01 01 09 len`: action-request-normal, invoke-id 1,
    /// Association LN method 1, with an octet-string parameter [g08].
    static let replyPrefix: [UInt8] = [0xC3, 0x01, 0xC1, 0x00, 0x0F, 0x00, 0x00, 0x28, 0x00, 0x00, 0xFF, 0x01, 0x01, 0x09]
    /// `C7 01 C1 00 01 00 09 len`: action-response-normal, success, return data octet-string [g09].
    static let answerPrefix: [UInt8] = [0xC7, 0x01, 0xC1, 0x00, 0x01, 0x00, 0x09]

    /// The client's pass 3: f(StoC) in reply_to_HLS_authentication.
    static func reply(_ response: [UInt8]) -> [UInt8] {
        precondition(response.count < 0x80)
        return replyPrefix + [UInt8(response.count)] + response
    }

    /// The server's pass 4: f(CtoS) in the action-response.
    static func answer(_ response: [UInt8]) -> [UInt8] {
        precondition(response.count < 0x80)
        return answerPrefix + [UInt8(response.count)] + response
    }

    static func mechanism(_ value: UInt8) -> BERObjectIdentifier { .cosem(group: 2, value: value) }

    /// An AARQ (LN, no ciphering) for an HLS mechanism with challenge CtoS.
    static func aarq(mechanism: UInt8, clientTitle: [UInt8]?, challenge: [UInt8]) -> [UInt8] {
        AARQ(
            applicationContextName: .cosem(group: 1, value: 1), callingAPTitle: clientTitle,
            senderACSERequirements: .firstBitOnly, mechanismName: Self.mechanism(mechanism),
            callingAuthenticationValue: .charstring(challenge)
        ).encoded
    }

    /// An AARE accepting it, authentication required, with challenge StoC.
    static func aare(mechanism: UInt8, serverTitle: [UInt8]?, challenge: [UInt8]) -> [UInt8] {
        AARE(
            applicationContextName: .cosem(group: 1, value: 1), resultSourceDiagnostic: .serviceUser(.authenticationRequired),
            respondingAPTitle: serverTitle, responderACSERequirements: .firstBitOnly, mechanismName: Self.mechanism(mechanism),
            respondingAuthenticationValue: .charstring(challenge)
        ).encoded
    }
}
