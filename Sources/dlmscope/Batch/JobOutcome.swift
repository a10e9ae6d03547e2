/// What one input's job came to, for the batch to report in input order.
struct JobOutcome: Sendable {
    var summary: FileSummary
    /// Notes for stderr (a capture filter that does not apply), shown unless `--quiet`.
    var notes: [String] = []
    /// Why the input could not be read at all.
    var error: String?
    /// Whether a finding of error severity was reported (verify's exit status).
    var hasErrors = false
    /// The spool file holding the output, when it went to one.
    var spool: String?
    /// The output could not be written (a full disk, a closed pipe).
    var writeFailed = false
    /// The input's size, for the progress bar.
    var bytes: Int
}
