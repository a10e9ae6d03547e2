import DLMSCore
import DLMSFraming
import DLMSTestSupport
import Foundation

/// The known-answer vectors of ../shared/vectors/vectors.json, by id.
enum Vectors {
    nonisolated(unsafe) static let all: [String: [String: Any]] = {
        guard let data = FileManager.default.contents(atPath: Fixtures.shared("vectors/vectors.json")),
              let list = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]]
        else { return [:] }
        return Dictionary(list.compactMap { vector in (vector["id"] as? String).map { ($0, vector) } },
                          uniquingKeysWith: { first, _ in first })
    }()

    static func input(_ id: String, _ key: String) -> [UInt8] {
        ((all[id]?["inputs"] as? [String: Any])?[key] as? String).flatMap { Hex.decode($0) } ?? []
    }

    static func expected(_ id: String) -> [String: Any] {
        all[id]?["expected"] as? [String: Any] ?? [:]
    }
}

extension FramedUnit {
    /// The value of a top-level field, if present.
    func field(_ name: String) -> Field.Value? { fields.first { $0.name == name }?.value }
    var codes: [String] { findings.map(\.code.rawValue) }
}

/// Runs a deframer over chunks, one carrier (packet number) per chunk.
func deframe<D: Deframer>(_ deframer: D, _ chunks: [[UInt8]], unitBoundaries: Bool = false) -> [FramedUnit] {
    var deframer = deframer
    var units: [FramedUnit] = []
    for (index, chunk) in chunks.enumerated() {
        deframer.append(chunk[...], from: Carrier(packet: index + 1, time: nil), into: &units)
        if unitBoundaries { deframer.endOfUnit(into: &units) }
    }
    deframer.finish(into: &units)
    return units
}
