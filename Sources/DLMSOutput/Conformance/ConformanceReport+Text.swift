import DLMSAPDU
import DLMSAnalysis
import DLMSCore
import DLMSSecurity

// `dlmscope verify -T text`: a report a test engineer reads top to bottom. The
// associations can be written apart (`textHead`, each `AssociationReport.text`,
// `textTail`), so that they need not be held until the end.
extension ConformanceReport {
    /// The report as text lines.
    public var text: String {
        textHead(hasAssociations: !associations.isEmpty) + associations.map(\.text).joined() + textTail
    }

    /// The lines before the associations' (with their heading when there are any).
    public func textHead(hasAssociations: Bool) -> String {
        var lines = ["== \(input)", "  \(records) records; " + totals.summary]
        if hasAssociations { lines.append("Associations") }
        return Self.joined(lines)
    }

    /// The lines after the associations'.
    public var textTail: String {
        var lines: [String] = []
        if !meters.isEmpty {
            lines.append("Meters")
            for meter in meters { lines += meter.lines }
        }
        if !findings.isEmpty {
            lines.append("Findings")
            for tally in findings.sorted(by: Self.worstFirst) { lines += tally.lines(indent: "  ") }
        }
        let errors = findings.filter { $0.severity == .error }
        lines.append(errors.isEmpty
            ? "Result: PASS (no error-severity finding)"
            : "Result: FAIL (\(errors.map { "\($0.code.rawValue) ×\($0.count)" }.joined(separator: ", ")))")
        return Self.joined(lines)
    }

    /// Lines, each ended by a newline.
    static func joined(_ lines: [String]) -> String {
        lines.map { $0 + "\n" }.joined()
    }

    static func worstFirst(_ a: FindingTally, _ b: FindingTally) -> Bool {
        a.severity != b.severity ? a.severity > b.severity : a.code.rawValue < b.code.rawValue
    }
}

extension ConformanceCounts {
    /// `262 APDUs, 261 ciphered (99.6 %), 261 decrypted; tags: 261 absent; HLS: 1 valid`.
    var summary: String {
        var text = "\(apdus) APDUs"
        guard ciphered > 0 else { return text + ", none ciphered" + authenticationSummary }
        let share = (cipheredShare * 1000).rounded() / 10
        text += ", \(ciphered) ciphered (\(share) %), \(decrypted) decrypted; tags: "
        text += TagVerdict.allCases.compactMap { verdict in tags[verdict].map { "\($0) \(verdict.rawValue)" } }
            .joined(separator: ", ")
        if !signatures.isEmpty {
            text += "; signatures: " + SecurityInfo.SignatureVerdict.allCases.compactMap { verdict in
                signatures[verdict].map { "\($0) \(verdict.rawValue)" }
            }.joined(separator: ", ")
        }
        return text + authenticationSummary
    }

    private var authenticationSummary: String {
        guard !authentication.isEmpty else { return "" }
        return "; authentication: " + HLSVerdict.allCases.compactMap { verdict in
            authentication[verdict].map { "\($0) \(verdict.rawValue)" }
        }.joined(separator: ", ")
    }
}

extension AssociationReport {
    /// The association's lines in the report, each ended by a newline.
    public var text: String { ConformanceReport.joined(lines) }

    var lines: [String] {
        var state: [String] = [hasAARQ ? "AARQ" : "no AARQ seen"]
        switch accepted {
        case true?: state.append("accepted")
        case false?: state.append("REJECTED")
        case nil: if hasAARQ { state.append("no AARE") }
        }
        if released { state.append("released") }
        var head = "  #\(number)  \(flow ?? "serial")  records \(records.lowerBound)-\(records.upperBound)  "
        head += state.joined(separator: ", ")
        if let context { head += "  \(context.shortName ?? context.name ?? "context \(context.rawValue)")" }
        if let mechanism { head += "  \(mechanism.shortName ?? mechanism.name ?? "mechanism \(mechanism.rawValue)")" }
        var lines = [head]
        let titles = [("client", clientSystemTitle), ("server", serverSystemTitle)].compactMap { role, title in
            title.map { "\(role) \(Hex.encode($0))" }
        }
        if !titles.isEmpty { lines.append("      " + titles.joined(separator: "  ")) }
        lines.append("      " + counts.summary)
        for result in authentication {
            let what = result.mechanism == 1 ? "LLS password" : result.responder == .client ? "HLS f(StoC) by the client"
                : "HLS f(CtoS) by the server"
            lines.append("      \(what), mechanism \(result.mechanism): \(result.result.rawValue)"
                + (result.reason.map { " (\($0))" } ?? ""))
        }
        for tally in findings.sorted(by: ConformanceReport.worstFirst) { lines += tally.lines(indent: "      ", example: false) }
        return lines
    }
}

extension MeterReport {
    var lines: [String] {
        let name = systemTitle.map { Hex.encode($0) + (SystemTitleDescription.manufacturer($0).map { " (\($0))" } ?? "") }
            ?? "unknown meter"
        var lines = ["  \(name): \(associations) association\(associations == 1 ? "" : "s"); \(counts.summary)"]
        for range in invocationCounters { lines.append("      " + range.summary) }
        for tally in findings.sorted(by: ConformanceReport.worstFirst) { lines += tally.lines(indent: "      ", example: false) }
        return lines
    }
}

extension InvocationCounterRange {
    /// `IC 4D4D4D0000BC614E global-unicast C->S: 1 … 130 (130 APDUs, range 1-130)`.
    var summary: String {
        let arrow = direction == .clientToServer ? "C->S" : direction == .serverToClient ? "S->C" : "?"
        var text = "IC \(systemTitle.map { Hex.encode($0) } ?? "unknown sender") \(key) \(arrow): \(first) … \(last)"
        text += " (\(count) APDU\(count == 1 ? "" : "s")"
        if lowest != first || highest != last { text += ", lowest \(lowest), highest \(highest)" }
        return text + ")"
    }
}

extension FindingTally {
    /// `error gcm-tag-invalid ×3 at #5 [12], #7 [14]` and, with `example`, its first message.
    func lines(indent: String, example showsExample: Bool = true) -> [String] {
        let places = locations.map { "#\($0.record)" + ($0.packet.map { " [\($0)]" } ?? "") }.joined(separator: ", ")
        var lines = ["\(indent)\(severity.rawValue) \(code.rawValue) ×\(count) at \(places)\(count > locations.count ? ", …" : "")"]
        if showsExample { lines.append("\(indent)    e.g. \(example)") }
        return lines
    }
}
