import DLMSOutput

/// Where one input's output goes: straight to standard output (one worker, no output file),
/// to a spool file the batch copies to the shared output in input order, to its own file
/// under `--out-dir`, or nowhere (only the summary is wanted).
enum JobTarget: Sendable {
    case standardOutput
    case spool(String)
    case file(String)
    case discard
}

extension JobTarget {
    /// The sink for this target: `.some(nil)` to discard, nil when the file cannot be created
    /// (the outcome then says why). A spool file is noted in the outcome for the batch to copy.
    func openSink(recordingIn outcome: inout JobOutcome) -> OutputSink?? {
        switch self {
        case .standardOutput:
            return .some(.standardOutput())
        case .spool(let path), .file(let path):
            do {
                let sink = try OutputSink.file(path)
                if case .spool = self { outcome.spool = path }
                return .some(sink)
            } catch {
                outcome.error = "\(error)"
                outcome.writeFailed = true
                return nil
            }
        case .discard:
            return .some(nil)
        }
    }
}
