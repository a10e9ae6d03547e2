/// One file of a batch: where to read it, how to name it, and where its output goes in
/// `--out-dir` (its path as given or found, made relative).
struct BatchInput: Sendable, Hashable {
    /// The path as given or found (`-` for standard input).
    var path: String
    /// The path under `--out-dir`, before the output's extension.
    var relativePath: String
    /// The file's size in bytes (0 for standard input or when unknown).
    var size: Int
}
