/// Where one input's output goes: straight to standard output (one worker, no output file),
/// to a spool file the batch copies to the shared output in input order, to its own file
/// under `--out-dir`, or nowhere (only the summary is wanted).
enum JobTarget: Sendable {
    case standardOutput
    case spool(String)
    case file(String)
    case discard
}
