import DLMSAnalysis
import DLMSCapture
import DLMSOutput

/// Audits one input of a batch and writes its conformance report into its target. The
/// report's result and totals come before its associations, which are known only at the end:
/// each association goes to a spool file as it closes, copied between the report's head and
/// tail, so that memory holds only the open ones.
struct VerifyJob: Sendable {
    var options: TraceDecoder.Options
    var json: Bool

    func run(_ input: BatchInput, target: JobTarget, progress: JobProgress = JobProgress()) -> JobOutcome {
        var outcome = JobOutcome(summary: FileSummary(file: input.path), bytes: input.size)
        let file: InputFile
        var decoder: TraceDecoder
        do {
            file = try InputFile(path: input.path)
            decoder = try TraceDecoder(input: file, options: options)
        } catch {
            outcome.error = "\(error)"
            outcome.summary.error = "\(error)"
            return outcome
        }
        let spool: AssociationSpool?
        if case .discard = target {
            spool = nil
        } else {
            do {
                spool = try AssociationSpool(separator: json ? [ConformanceReport.jsonSeparator] : [])
            } catch {
                outcome.error = "\(input.path): \(error)"
                outcome.writeFailed = true
                return outcome
            }
        }
        let json = self.json
        var auditor = ConformanceAuditor(input: input.path) { association in
            spool?.append(number: association.number) { out in
                if json { association.json(into: &out) } else { out.append(contentsOf: association.text.utf8) }
            }
        }
        var progress = progress
        while let record = decoder.next() {
            progress.count { file.position }
            outcome.summary.add(record)
            auditor.add(record)
        }
        let report = auditor.finish()
        outcome.hasErrors = report.hasErrors
        guard let spool, let opened = target.openSink(recordingIn: &outcome), let sink = opened else { return outcome }
        sink.write { out in
            if json { report.jsonHead(into: &out) } else { out.append(contentsOf: report.textHead(hasAssociations: spool.count > 0).utf8) }
        }
        let complete = spool.copy(to: sink)
        sink.write { out in
            if json { report.jsonTail(into: &out) } else { out.append(contentsOf: report.textTail.utf8) }
        }
        guard complete else {
            // Left unclosed, a file target is removed rather than left incomplete.
            outcome.error = "\(input.path): the report's temporary file could not be written or read back"
            outcome.writeFailed = true
            return outcome
        }
        if !sink.close() { outcome.writeFailed = true }
        return outcome
    }
}
