import DLMSAPDU
import DLMSCore

/// Builds the `verify` report of one input from its records, in capture
/// order. It streams: besides the report it keeps only the association open
/// on each conversation.
///
/// An association runs from an AARQ to the RLRE (or the next AARQ) on the
/// same conversation; APDUs on a conversation with no AARQ seen form an
/// association of their own (push data, or a capture that starts
/// mid-association). Its meter is the AARE's responding-AP-title, else the
/// AARQ's called-AP-title, else the title the server's ciphered APDUs carry.
public struct ConformanceAuditor {
    private var report: ConformanceReport
    /// The open association of each conversation, by its position in `report.associations`.
    private var open: [String: Int] = [:]
    private var counterPositions: [CounterKey: Int] = [:]
    /// What each meter bucket holds, in order of first appearance; merged into meters at the end.
    private var buckets: [MeterBucket: MeterReport] = [:]
    private var bucketOrder: [MeterBucket] = []
    /// The associations each bucket saw.
    private var bucketAssociations: [MeterBucket: Set<Int>] = [:]

    private struct CounterKey: Hashable {
        var systemTitle: [UInt8]?
        var key: String
        var direction: Direction
    }

    /// Where a record's meter is decided: an association's records go to the meter the
    /// association turns out to be with (its AARE comes after the AARQ); traffic outside any
    /// AARQ goes to the title its sender used.
    private enum MeterBucket: Hashable {
        case association(Int)
        case title([UInt8]?)
    }

    public init(input: String) {
        report = ConformanceReport(input: input)
    }

    /// Adds the next record of the input.
    public mutating func add(_ record: Record) {
        report.records += 1
        for finding in record.findings { Self.tally(finding, record: record.index, into: &report.findings) }
        guard let decoded = record.apdu else { return }
        report.totals.add(record)
        let position = association(for: record, apdu: decoded.apdu)
        learn(from: record, apdu: decoded.apdu, at: position)
        report.associations[position].counts.add(record)
        report.associations[position].records = report.associations[position].records.lowerBound...record.index
        if let hls = record.hls { report.associations[position].authentication.append(hls) }
        for finding in record.findings {
            Self.tally(finding, record: record.index, into: &report.associations[position].findings)
        }
        let bucket = meterBucket(for: record, association: position)
        buckets[bucket, default: MeterReport(systemTitle: nil)].counts.add(record)
        bucketAssociations[bucket, default: []].insert(position)
        for finding in record.findings {
            Self.tally(finding, record: record.index, into: &buckets[bucket, default: MeterReport(systemTitle: nil)].findings)
        }
        if let security = record.security {
            let key = CounterKey(systemTitle: security.systemTitle, key: security.key.rawValue, direction: record.direction)
            count(security.invocationCounter, key: key, bucket: bucket)
        }
        if case .rlre? = decoded.apdu {
            report.associations[position].released = true
            open[Self.conversation(record.flow)] = nil
        }
    }

    /// The report, once every record was added: the meter buckets merged by system title.
    public func finish() -> ConformanceReport {
        var report = self.report
        var positions: [[UInt8]?: Int] = [:]
        var associationsByMeter: [[UInt8]?: Set<Int>] = [:]
        for bucket in bucketOrder {
            guard let part = buckets[bucket] else { continue }
            let title: [UInt8]? = switch bucket {
            case let .association(position): report.associations[position].serverSystemTitle
            case let .title(title): title
            }
            associationsByMeter[title, default: []].formUnion(bucketAssociations[bucket] ?? [])
            if let position = positions[title] {
                report.meters[position].absorb(part)
            } else {
                positions[title] = report.meters.count
                var meter = part
                meter.systemTitle = title
                report.meters.append(meter)
            }
        }
        for (title, position) in positions { report.meters[position].associations = associationsByMeter[title]?.count ?? 0 }
        return report
    }

    // MARK: Associations

    /// The association a record belongs to: an AARQ opens a new one.
    private mutating func association(for record: Record, apdu: APDU?) -> Int {
        let conversation = Self.conversation(record.flow)
        var isAARQ = false
        if case .aarq? = apdu { isAARQ = true }
        if !isAARQ, let position = open[conversation] { return position }
        report.associations.append(AssociationReport(
            number: report.associations.count + 1, flow: record.flow, hasAARQ: isAARQ, records: record.index...record.index
        ))
        open[conversation] = report.associations.count - 1
        return report.associations.count - 1
    }

    /// Titles, context, mechanism and the AARE's verdict.
    private mutating func learn(from record: Record, apdu: APDU?, at position: Int) {
        switch apdu {
        case let .aarq(aarq)?:
            report.associations[position].clientSystemTitle = aarq.callingAPTitle
            report.associations[position].serverSystemTitle = aarq.calledAPTitle
            report.associations[position].context = aarq.applicationContext
            report.associations[position].mechanism = aarq.mechanism
        case let .aare(aare)?:
            report.associations[position].accepted = aare.isAccepted
            if let title = aare.respondingAPTitle { report.associations[position].serverSystemTitle = title }
            if let context = aare.applicationContext { report.associations[position].context = context }
        default:
            // Without an AARE, the server's ciphered APDUs name the meter.
            if report.associations[position].serverSystemTitle == nil, record.direction != .clientToServer,
               let title = record.security?.systemTitle
            {
                report.associations[position].serverSystemTitle = title
            }
        }
    }

    /// A conversation's name whichever way its flow runs: the two endpoints in order.
    private static func conversation(_ flow: String?) -> String {
        guard let flow else { return "serial" }
        if let fast = asciiConversation(flow) { return fast }
        return flow.split(separator: " -> ").sorted().joined(separator: " <-> ")
    }

    /// `conversation` for the usual flow, ASCII `A -> B` with one separator and
    /// both sides non-empty, without splitting into substrings (this runs for
    /// every record `verify` audits; for ASCII, byte order is string order).
    private static func asciiConversation(_ flow: String) -> String? {
        let bytes = Array(flow.utf8)
        let separator: [UInt8] = Array(" -> ".utf8)
        var found: Int?
        var index = 0
        while index + separator.count <= bytes.count {
            if bytes[index] == separator[0], bytes[index..<(index + separator.count)].elementsEqual(separator) {
                guard found == nil else { return nil }
                found = index
                index += separator.count
            } else {
                guard bytes[index] < 0x80 else { return nil }
                index += 1
            }
        }
        guard let start = found, start > 0, start + separator.count < bytes.count,
              bytes[index...].allSatisfy({ $0 < 0x80 })
        else { return nil }
        let first = bytes[..<start], second = bytes[(start + separator.count)...]
        let (low, high) = second.lexicographicallyPrecedes(first) ? (second, first) : (first, second)
        return String(decoding: low, as: UTF8.self) + " <-> " + String(decoding: high, as: UTF8.self)
    }

    // MARK: Meters and counters

    private mutating func meterBucket(for record: Record, association position: Int) -> MeterBucket {
        let association = report.associations[position]
        let bucket: MeterBucket
        if association.hasAARQ {
            bucket = .association(position)
        } else if record.direction != .clientToServer, let title = record.security?.systemTitle {
            bucket = .title(title)
        } else {
            bucket = .title(association.serverSystemTitle)
        }
        if buckets[bucket] == nil { bucketOrder.append(bucket) }
        return bucket
    }

    private mutating func count(_ value: UInt32, key: CounterKey, bucket: MeterBucket) {
        if let position = counterPositions[key] {
            report.invocationCounters[position].add(value)
        } else {
            counterPositions[key] = report.invocationCounters.count
            report.invocationCounters.append(InvocationCounterRange(
                systemTitle: key.systemTitle, key: key.key, direction: key.direction, value: value
            ))
        }
        var ranges = buckets[bucket]?.invocationCounters ?? []
        if let position = ranges.firstIndex(where: {
            $0.systemTitle == key.systemTitle && $0.key == key.key && $0.direction == key.direction
        }) {
            ranges[position].add(value)
        } else {
            ranges.append(InvocationCounterRange(systemTitle: key.systemTitle, key: key.key, direction: key.direction, value: value))
        }
        buckets[bucket, default: MeterReport(systemTitle: nil)].invocationCounters = ranges
    }

    static func tally(_ finding: Finding, record: Int, into tallies: inout [FindingTally]) {
        if let position = tallies.firstIndex(where: { $0.code == finding.code }) {
            tallies[position].add(finding, record: record)
        } else {
            tallies.append(FindingTally(finding, record: record))
        }
    }
}
