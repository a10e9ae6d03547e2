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

    /// Adds the tally of the same code from a later part of the capture.
    mutating func absorb(_ later: FindingTally) {
        count += later.count
        severity = max(severity, later.severity)
        locations = Array((locations + later.locations).prefix(Self.keptLocations))
    }
}
