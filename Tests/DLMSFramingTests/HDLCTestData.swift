import DLMSCore
import DLMSFraming
import DLMSTestSupport
import Foundation
import Testing

/// Inputs for the HDLC tests, read from the shared material at test time.
enum HDLCTestData {
    /// The lines of a capture hex file: `#` lines skipped, an optional leading label word.
    static func hexLines(_ relative: String) throws -> [(label: String?, bytes: [UInt8])] {
        let text = try String(contentsOfFile: Fixtures.shared(relative), encoding: .utf8)
        var lines: [(label: String?, bytes: [UInt8])] = []
        for line in text.split(whereSeparator: \.isNewline) {
            let words = line.split(separator: " ")
            guard let first = words.first, !first.hasPrefix("#") else { continue }
            let labelled = words.count > 1 && Hex.decode(first) == nil
            let hex = words.dropFirst(labelled ? 1 : 0).joined()
            lines.append((labelled ? String(first) : nil, try #require(Hex.decode(hex), "not hex: \(line.prefix(40))")))
        }
        return lines
    }

    /// The `d*` vectors of vectors.json.
    static func vectors() throws -> [[String: Any]] {
        let data = try Data(contentsOf: URL(fileURLWithPath: Fixtures.shared("vectors/vectors.json")))
        let json = try JSONSerialization.jsonObject(with: data)
        let all = try #require(json as? [[String: Any]])
        return all.filter { ($0["id"] as? String)?.hasPrefix("d") == true }
    }

    /// Feeds each chunk as one carrier (packet numbers from 1), then finishes.
    static func units(_ chunks: [[UInt8]], datagrams: Bool = false) -> [FramedUnit] {
        var deframer = HDLCDeframer()
        var units: [FramedUnit] = []
        for (index, chunk) in chunks.enumerated() {
            deframer.append(chunk[...], from: Carrier(packet: index + 1, time: nil), into: &units)
            if datagrams { deframer.endOfUnit(into: &units) }
        }
        deframer.finish(into: &units)
        return units
    }

    /// The field `name` of `fields`, following a path into nested fields.
    static func value(_ fields: [Field], _ path: String...) -> Field.Value? {
        var current = fields
        var result: Field.Value?
        for name in path {
            guard let field = current.first(where: { $0.name == name }) else { return nil }
            result = field.value
            if case let .fields(nested) = field.value { current = nested } else { current = [] }
        }
        return result
    }

    /// The vector `id` of vectors.json.
    static func vector(_ id: String) throws -> [String: Any] {
        try #require(try vectors().first { ($0["id"] as? String) == id })
    }

    /// A hex string of a JSON object, decoded.
    static func bytes(_ object: [String: Any]?, _ key: String) throws -> [UInt8] {
        let hex = try #require(object?[key] as? String)
        return try #require(Hex.decode(hex))
    }

    /// The frame of the vector whose id starts with `prefix`, with both flags.
    static func frame(_ prefix: String) throws -> [UInt8] {
        let vector = try #require(try vectors().first { ($0["id"] as? String)?.hasPrefix(prefix) == true })
        var bytes = try self.bytes(vector["inputs"] as? [String: Any], "frame")
        if bytes.first == 0x7E { bytes.removeFirst() }
        if bytes.last == 0x7E { bytes.removeLast() }
        return [0x7E] + bytes + [0x7E]
    }

    static func codes(_ unit: FramedUnit) -> [String] {
        unit.findings.map(\.code.rawValue)
    }
}
