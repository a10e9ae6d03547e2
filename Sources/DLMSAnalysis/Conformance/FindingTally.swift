import DLMSCore

/// The findings of one code in a part of a capture: how many, the worst
/// severity, and where the first few were.
public struct FindingTally: Sendable, Hashable {
    /// Where a finding was: the record and the packet (or log line).
    public struct Location: Sendable, Hashable {
        public var record: Int
        public var packet: Int?
    }

    /// How many locations are kept per code.
    public static let keptLocations = 5

    public var code: Finding.Code
    public var severity: Finding.Severity
    public var count: Int
    public var locations: [Location]
    /// The first finding's message, as an example.
    public var example: String

    init(_ finding: Finding, record: Int) {
        code = finding.code
        severity = finding.severity
        count = 1
        locations = [Location(record: record, packet: finding.packet)]
        example = finding.message
    }

    mutating func add(_ finding: Finding, record: Int) {
        count += 1
        severity = max(severity, finding.severity)
        if locations.count < Self.keptLocations {
            locations.append(Location(record: record, packet: finding.packet))
        }
    }

    /// The record of the first finding counted.
    var firstRecord: Int { locations.first?.record ?? Int.max }

    /// Adds the tally of the same code from another part of the capture: the locations kept
    /// and the example stay those of the earliest records.
    mutating func absorb(_ other: FindingTally) {
        count += other.count
        severity = max(severity, other.severity)
        if other.firstRecord < firstRecord { example = other.example }
        var merged: [Location] = []
        var mine = locations[...], theirs = other.locations[...]
        while merged.count < Self.keptLocations, let next = mine.first ?? theirs.first {
            if let their = theirs.first, mine.first.map({ their.record < $0.record }) ?? true {
                merged.append(their)
                theirs = theirs.dropFirst()
            } else {
                merged.append(next)
                mine = mine.dropFirst()
            }
        }
        locations = merged
    }
}
