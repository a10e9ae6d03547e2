/// Everything a capture shows of one meter (server), by its system title:
/// from its associations and from the APDUs it sent outside them.
public struct MeterReport: Sendable {
    /// Nil collects the traffic whose meter is not known.
    public var systemTitle: [UInt8]?
    public var associations: Int = 0
    public var counts = ConformanceCounts()
    public var invocationCounters: [InvocationCounterRange] = []
    public var findings: [FindingTally] = []
}

extension MeterReport {
    /// Adds another part of the same meter's traffic.
    mutating func absorb(_ other: MeterReport) {
        counts.absorb(other.counts)
        for range in other.invocationCounters {
            if let position = invocationCounters.firstIndex(where: {
                $0.systemTitle == range.systemTitle && $0.key == range.key && $0.direction == range.direction
            }) {
                invocationCounters[position].absorb(range)
            } else {
                invocationCounters.append(range)
            }
        }
        for tally in other.findings {
            if let position = findings.firstIndex(where: { $0.code == tally.code }) {
                findings[position].absorb(tally)
            } else {
                findings.append(tally)
            }
        }
    }
}
