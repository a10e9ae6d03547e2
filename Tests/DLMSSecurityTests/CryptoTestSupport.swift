import DLMSAPDU
import DLMSCore
import DLMSTestSupport
import Foundation
import Testing

/// One entry of the shared vectors.json, with its string-valued inputs and
/// expected members (nested members are not needed by the crypto tests).
struct CryptoVector: Sendable {
    var id: String
    var inputs: [String: String]
    var expected: [String: String]

    /// The hex input `key` as bytes; a test failure when missing or not hex.
    func input(_ key: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [UInt8] {
        try CryptoFixtures.bytes(inputs[key], "\(id) inputs.\(key)", sourceLocation: sourceLocation)
    }

    /// The hex expected value `key` as bytes.
    func expect(_ key: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [UInt8] {
        try CryptoFixtures.bytes(expected[key], "\(id) expected.\(key)", sourceLocation: sourceLocation)
    }

    /// A 4-byte hex input as a big-endian counter.
    func counter(_ key: String, expected: Bool = false) throws -> UInt32 {
        let bytes = try expected ? expect(key) : input(key)
        try #require(bytes.count == 4, "\(id) \(key) is not 4 bytes")
        return bytes.reduce(0) { $0 << 8 | UInt32($1) }
    }
}

enum CryptoFixtures {
    /// Every vector of the shared vectors.json, by id.
    static let vectors: [String: CryptoVector] = {
        guard let data = FileManager.default.contents(atPath: Fixtures.shared("vectors/vectors.json")),
              let list = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]]
        else { return [:] }
        var vectors: [String: CryptoVector] = [:]
        for entry in list {
            guard let id = entry["id"] as? String else { continue }
            vectors[id] = CryptoVector(
                id: id,
                inputs: (entry["inputs"] as? [String: Any] ?? [:]).compactMapValues { $0 as? String },
                expected: (entry["expected"] as? [String: Any] ?? [:]).compactMapValues { $0 as? String }
            )
        }
        return vectors
    }()

    /// The vector with exactly this id.
    static func vector(_ id: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> CryptoVector {
        try #require(vectors[id], "vector \(id) not found in vectors.json", sourceLocation: sourceLocation)
    }

    /// Every vector id starting with `prefix`, sorted.
    static func ids(startingWith prefix: String) -> [String] {
        vectors.keys.filter { $0.hasPrefix(prefix) }.sorted()
    }

    static func bytes(
        _ text: String?, _ what: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> [UInt8] {
        let text = try #require(text, "\(what) missing", sourceLocation: sourceLocation)
        return try #require(Hex.decode(text), "\(what) is not hex", sourceLocation: sourceLocation)
    }

    /// Hex written in a test (a value quoted from a source).
    static func hex(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [UInt8] {
        try #require(Hex.decode(text), "not hex: \(text)", sourceLocation: sourceLocation)
    }

    /// `bytes` with bit `bit` (0 = most significant bit of byte 0) inverted.
    static func flipping(_ bytes: [UInt8], bit: Int) -> [UInt8] {
        var copy = bytes
        copy[bit / 8] ^= 0x80 >> UInt8(bit % 8)
        return copy
    }

    /// The Green Book suite-0 keys of the worked examples (vectors a01–a05, b01, b02).
    static let greenBookEK: [UInt8] = Array(0x00...0x0F)
    static let greenBookAK: [UInt8] = Array(0xD0...0xDF)

    /// Security control bytes of suite 0 by policy.
    static let noProtection = SecurityControl(rawValue: 0x00)
    static let authenticationOnly = SecurityControl(rawValue: 0x10)
    static let encryptionOnly = SecurityControl(rawValue: 0x20)
    static let authenticatedEncryption = SecurityControl(rawValue: 0x30)
}
