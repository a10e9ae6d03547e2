/// Everything a capture shows of one meter (server), by its system title:
/// from its associations and from the APDUs it sent outside them.
public struct MeterReport: Sendable {
    /// Nil collects the traffic whose meter is not known.
    public var systemTitle: [UInt8]?
    public var associations: Int = 0
    public var counts = ConformanceCounts()
    public var invocationCounters: [InvocationCounterRange] = []
    public var findings: [FindingTally] = []
    /// The first record of its traffic (not reported: meters are listed in this order).
    var firstRecord = Int.max
}

extension MeterReport {
    /// Adds another part of the same meter's traffic, whichever part came first in the capture.
    mutating func absorb(_ other: MeterReport) {
        associations += other.associations
        firstRecord = min(firstRecord, other.firstRecord)
        counts.absorb(other.counts)
        for range in other.invocationCounters {
            if let position = invocationCounters.firstIndex(where: {
                $0.counts(systemTitle: range.systemTitle, key: range.key, direction: range.direction)
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

    /// Its counters and findings in the order of their first record, as one pass over the capture lists them.
    mutating func putInRecordOrder() {
        invocationCounters = invocationCounters.enumerated()
            .sorted { ($0.element.firstRecord, $0.offset) < ($1.element.firstRecord, $1.offset) }.map(\.element)
        findings = findings.enumerated()
            .sorted { ($0.element.firstRecord, $0.offset) < ($1.element.firstRecord, $1.offset) }.map(\.element)
    }
}
