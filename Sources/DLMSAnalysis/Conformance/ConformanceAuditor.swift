import DLMSAPDU
import DLMSCore

/// Builds the `verify` report of one input from its records, in capture
/// order. It streams: it keeps the association open on each conversation, the
/// meters' and senders' aggregates, and, unless each association is handed on
/// as it closes, the closed associations.
///
/// An association runs from an AARQ to the RLRE (or the next AARQ) on the
/// same conversation; APDUs on a conversation with no AARQ seen form an
/// association of their own (push data, or a capture that starts
/// mid-association). Its meter is the AARE's responding-AP-title, else the
/// AARQ's called-AP-title, else the title the server's ciphered APDUs carry.
public struct ConformanceAuditor {
    private var report: ConformanceReport
    /// The open association of each conversation.
    private var open: [String: AssociationAudit] = [:]
    private var started = 0
    /// Takes each association as it closes; nil keeps them for `finish()`.
    private let handOff: ((AssociationReport) -> Void)?
    private var closed: [AssociationReport] = []
    private var counterPositions: [CounterKey: Int] = [:]
    /// Each meter's traffic so far, by system title.
    private var meters: [[UInt8]?: MeterReport] = [:]
    /// The last two flows seen and their conversations: a conversation's records come in runs
    /// (requests and responses, the two directions), so most records skip `conversation(_:)`.
    private var recentConversations: (last: FlowConversation?, before: FlowConversation?) = (nil, nil)
    private typealias FlowConversation = (flow: String?, conversation: String)

    private struct CounterKey: Hashable {
        var systemTitle: [UInt8]?
        var key: String
        var direction: Direction
    }

    /// An auditor whose `finish()` reports every association.
    public init(input: String) {
        report = ConformanceReport(input: input)
        handOff = nil
    }

    /// An auditor that hands each association to `closed` as soon as it ends (its RLRE, the
    /// next AARQ on its conversation, or `finish()` for those still open, in number order)
    /// and keeps none: its report lists no association.
    public init(input: String, closed: @escaping (AssociationReport) -> Void) {
        report = ConformanceReport(input: input)
        handOff = closed
    }

    /// The associations held in memory: the open ones, and the closed ones when they are kept.
    public var heldAssociations: Int { open.count + closed.count }

    /// Adds the next record of the input.
    public mutating func add(_ record: Record) {
        report.records += 1
        for finding in record.findings { Self.tally(finding, record: record.index, into: &report.findings) }
        guard let decoded = record.apdu else { return }
        report.totals.add(record)
        if let security = record.security {
            let key = CounterKey(systemTitle: security.systemTitle, key: security.key.rawValue, direction: record.direction)
            count(security.invocationCounter, key: key, record: record.index)
        }
        let conversation = conversation(of: record.flow)
        var isAARQ = false
        if case .aarq? = decoded.apdu { isAARQ = true }
        if isAARQ || open[conversation] == nil {
            close(conversation)
            started += 1
            open[conversation] = AssociationAudit(number: started, record: record, hasAARQ: isAARQ)
        }
        if case let .meter(title)? = open[conversation]?.add(record, apdu: decoded.apdu) {
            credit(record, to: title)
        }
        if case .rlre? = decoded.apdu {
            open[conversation]?.report.released = true
            close(conversation)
        }
    }

    /// The report, once every record was added: the associations still open closed, the
    /// meters in the order of their first record.
    public mutating func finish() -> ConformanceReport {
        for conversation in open.sorted(by: { $0.value.report.number < $1.value.report.number }).map(\.key) {
            close(conversation)
        }
        var report = self.report
        report.associations = closed.sorted { $0.number < $1.number }
        report.meters = meters.values.sorted { $0.firstRecord < $1.firstRecord }.map { meter in
            var meter = meter
            meter.putInRecordOrder()
            return meter
        }
        return report
    }

    // MARK: Associations

    /// Ends the association open on `conversation`: its meter gets its traffic, and it goes.
    private mutating func close(_ conversation: String) {
        guard let audit = open.removeValue(forKey: conversation) else { return }
        if audit.report.hasAARQ {
            let part = audit.meterPart
            meters[part.systemTitle, default: MeterReport(systemTitle: part.systemTitle)].absorb(part)
        } else {
            for title in audit.meterTitles { meters[title]?.associations += 1 }
        }
        if let handOff { handOff(audit.report) } else { closed.append(audit.report) }
    }

    /// `conversation(_:)` of `flow`, remembered for the last two flows.
    private mutating func conversation(of flow: String?) -> String {
        if let last = recentConversations.last, last.flow == flow { return last.conversation }
        if let before = recentConversations.before, before.flow == flow {
            recentConversations = (before, recentConversations.last)
            return before.conversation
        }
        let conversation = Self.conversation(flow)
        recentConversations = ((flow, conversation), recentConversations.last)
        return conversation
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

    /// Credits a record outside any AARQ to a meter at once.
    private mutating func credit(_ record: Record, to title: [UInt8]?) {
        Self.add(record, to: &meters[title, default: MeterReport(systemTitle: title)])
    }

    private static func add(_ record: Record, to meter: inout MeterReport) {
        meter.firstRecord = min(meter.firstRecord, record.index)
        meter.counts.add(record)
        for finding in record.findings { tally(finding, record: record.index, into: &meter.findings) }
        if let security = record.security {
            InvocationCounterRange.add(
                security.invocationCounter, systemTitle: security.systemTitle, key: security.key.rawValue,
                direction: record.direction, record: record.index, to: &meter.invocationCounters
            )
        }
    }

    private mutating func count(_ value: UInt32, key: CounterKey, record: Int) {
        if let position = counterPositions[key] {
            report.invocationCounters[position].add(value, record: record)
        } else {
            counterPositions[key] = report.invocationCounters.count
            report.invocationCounters.append(InvocationCounterRange(
                systemTitle: key.systemTitle, key: key.key, direction: key.direction, value: value, record: record
            ))
        }
    }

    static func tally(_ finding: Finding, record: Int, into tallies: inout [FindingTally]) {
        if let position = tallies.firstIndex(where: { $0.code == finding.code }) {
            tallies[position].add(finding, record: record)
        } else {
            tallies.append(FindingTally(finding, record: record))
        }
    }
}
