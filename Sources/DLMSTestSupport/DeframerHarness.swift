import DLMSCore
import DLMSFraming

/// Feeds a deframer the same bytes in different chunkings, for the
/// chunking-independence tests every deframer must pass.
public enum DeframerHarness {
    /// A unit without its carriers, to compare runs that chunk differently.
    public struct Outcome: Equatable, CustomStringConvertible {
        public var kind: TransportKind
        public var fields: [Field]
        public var apdu: [UInt8]?
        public var findings: [String]
        public var direction: Direction?

        public init(_ unit: FramedUnit) {
            kind = unit.kind
            fields = unit.fields
            apdu = unit.apdu
            // Messages may name positions; codes and severities must match exactly.
            findings = unit.findings.map { "\($0.severity.rawValue) \($0.code.rawValue): \($0.message)" }
            direction = unit.direction
        }

        public var description: String {
            "\(kind.rawValue) apdu=\(apdu.map { Hex.encode($0) } ?? "nil") findings=\(findings)"
        }
    }

    /// Runs `deframer` over `bytes` cut into chunks of the given sizes (cycled), one carrier per chunk.
    public static func run<D: Deframer>(_ deframer: D, _ bytes: [UInt8], chunkSizes: [Int]) -> [FramedUnit] {
        var deframer = deframer
        var units: [FramedUnit] = []
        var offset = 0
        var chunk = 0
        while offset < bytes.count {
            let size = max(1, chunkSizes[chunk % max(1, chunkSizes.count)])
            let end = min(bytes.count, offset + size)
            deframer.append(bytes[offset..<end], from: Carrier(packet: chunk + 1, time: nil), into: &units)
            offset = end
            chunk += 1
        }
        deframer.finish(into: &units)
        return units
    }

    /// The outcomes of one pass with the whole input as a single chunk, then with chunk sizes 1...maxChunk
    /// and `randomSplits` random chunkings; returns the chunkings whose outcomes differ from the first.
    public static func chunkingDifferences<D: Deframer>(
        _ make: () -> D, _ bytes: [UInt8], maxChunk: Int = 16, randomSplits: Int = 20, seed: UInt64 = 42
    ) -> [String] {
        let reference = run(make(), bytes, chunkSizes: [max(1, bytes.count)]).map(Outcome.init)
        var differences: [String] = []
        var generator = SplitMix64(seed: seed)
        var chunkings = (1...maxChunk).map { [$0] }
        for _ in 0..<randomSplits {
            chunkings.append((0..<8).map { _ in Int(generator.next() % 40) + 1 })
        }
        for sizes in chunkings {
            let outcome = run(make(), bytes, chunkSizes: sizes).map(Outcome.init)
            if outcome != reference { differences.append("chunk sizes \(sizes): \(outcome) vs \(reference)") }
        }
        return differences
    }
}

/// A small deterministic random number generator for reproducible test inputs.
public struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
