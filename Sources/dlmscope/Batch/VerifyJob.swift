import DLMSAnalysis
import DLMSCapture
import DLMSOutput

/// Audits one input of a batch and writes its conformance report into its target.
struct VerifyJob: Sendable {
    var options: TraceDecoder.Options
    var json: Bool

    func run(_ input: BatchInput, target: JobTarget) -> JobOutcome {
        var outcome = JobOutcome(summary: FileSummary(file: input.path), bytes: input.size)
        var decoder: TraceDecoder
        do {
            decoder = try TraceDecoder(input: try InputFile(path: input.path), options: options)
        } catch {
            outcome.error = "\(error)"
            outcome.summary.error = "\(error)"
            return outcome
        }
        var auditor = ConformanceAuditor(input: input.path)
        while let record = decoder.next() {
            outcome.summary.add(record)
            auditor.add(record)
        }
        let report = auditor.finish()
        outcome.hasErrors = report.hasErrors
        guard let opened = target.openSink(recordingIn: &outcome), let sink = opened else { return outcome }
        sink.write { out in
            if json { report.json(into: &out) } else { out.append(contentsOf: report.text.utf8) }
        }
        if !sink.close() { outcome.writeFailed = true }
        return outcome
    }
}
