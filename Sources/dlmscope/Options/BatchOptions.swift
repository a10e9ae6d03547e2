import ArgumentParser
import Glibc

/// Options for decoding many inputs at once.
struct BatchOptions: ParsableArguments {
    @Option(
        name: [.customShort("j"), .customLong("jobs")],
        help: ArgumentHelp("Inputs decoded in parallel. Default: all cores. Output stays in input order.", valueName: "n")
    )
    var jobs: Int?

    @Option(
        name: .customLong("out-dir"),
        help: ArgumentHelp(
            "Write one output per input into this directory, mirroring the inputs' tree (a file appears only when complete).",
            valueName: "dir"
        )
    )
    var outDirectory: String?

    @Flag(name: [.customShort("q"), .long], help: "No progress bar and no notes on stderr (errors still show).")
    var quiet = false

    @Flag(
        name: .long,
        help: "Close with a table per input (records, APDUs by type, ciphered share, tag verdicts, findings by severity), as text or JSON Lines by -T. For decode it replaces the records on stdout (use --out-dir or -o to keep them)."
    )
    var summary = false

    func validate() throws {
        if let jobs, jobs < 1 || jobs > 1024 { throw ValidationError("-j must be between 1 and 1024") }
    }

    /// The number of workers for `inputCount` inputs.
    func workers(for inputCount: Int) -> Int {
        let cores = max(1, Int(sysconf(Int32(truncatingIfNeeded: _SC_NPROCESSORS_ONLN))))
        return max(1, min(jobs ?? cores, inputCount))
    }

    /// Whether the progress bar shows: stderr is a terminal and not `--quiet`.
    var showsProgress: Bool { !quiet && isatty(STDERR_FILENO) == 1 }
}
