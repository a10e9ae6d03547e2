import DLMSAPDU
import DLMSCore

/// An association while it is open on its conversation: its report so far and what its meter
/// is owed when it closes.
struct AssociationAudit {
    var report: AssociationReport
    /// For an association an AARQ opened: the counters its records used, credited with the
    /// rest of its traffic to the meter it turns out to be with (its AARE comes after the AARQ).
    var invocationCounters: [InvocationCounterRange] = []
    /// For traffic outside any AARQ: the meters its records were credited to as they came
    /// (each counts the association once).
    var meterTitles: [[UInt8]?] = []

    /// Where a record's meter is credited.
    enum Credit {
        /// With its association, when it closes.
        case association
        /// At once, to the meter of this title (nil: not known).
        case meter([UInt8]?)
    }

    init(number: Int, record: Record, hasAARQ: Bool) {
        report = AssociationReport(number: number, flow: record.flow, hasAARQ: hasAARQ, records: record.index...record.index)
    }

    /// Adds one of its records; traffic outside any AARQ goes to the title its sender used.
    mutating func add(_ record: Record, apdu: APDU?) -> Credit {
        learn(from: record, apdu: apdu)
        report.counts.add(record)
        report.records = report.records.lowerBound...record.index
        if let hls = record.hls { report.authentication.append(hls) }
        for finding in record.findings { ConformanceAuditor.tally(finding, record: record.index, into: &report.findings) }
        if report.hasAARQ {
            if let security = record.security {
                InvocationCounterRange.add(
                    security.invocationCounter, systemTitle: security.systemTitle, key: security.key.rawValue,
                    direction: record.direction, record: record.index, to: &invocationCounters
                )
            }
            return .association
        }
        var title = report.serverSystemTitle
        if record.direction != .clientToServer, let sender = record.security?.systemTitle { title = sender }
        if !meterTitles.contains(title) { meterTitles.append(title) }
        return .meter(title)
    }

    /// What its meter gets when it closes, for one an AARQ opened.
    var meterPart: MeterReport {
        var part = MeterReport(systemTitle: report.serverSystemTitle)
        part.associations = 1
        part.counts = report.counts
        part.invocationCounters = invocationCounters
        part.findings = report.findings
        part.firstRecord = report.records.lowerBound
        return part
    }

    /// Titles, context, mechanism and the AARE's verdict.
    private mutating func learn(from record: Record, apdu: APDU?) {
        switch apdu {
        case let .aarq(aarq)?:
            report.clientSystemTitle = aarq.callingAPTitle
            report.serverSystemTitle = aarq.calledAPTitle
            report.context = aarq.applicationContext
            report.mechanism = aarq.mechanism
        case let .aare(aare)?:
            report.accepted = aare.isAccepted
            if let title = aare.respondingAPTitle { report.serverSystemTitle = title }
            if let context = aare.applicationContext { report.context = context }
        default:
            // Without an AARE, the server's ciphered APDUs name the meter.
            if report.serverSystemTitle == nil, record.direction != .clientToServer, let title = record.security?.systemTitle {
                report.serverSystemTitle = title
            }
        }
    }
}
