import ArgumentParser
import DLMSOutput
import Glibc

extension OutputFormat: ExpressibleByArgument {}

/// Options that say what to write and where.
struct OutputOptions: ParsableArguments {
    @Option(
        name: [.customShort("T"), .customLong("format")],
        help: ArgumentHelp(
            "Output format: json (JSON Lines), text or xml. Default: text on a terminal, json otherwise.",
            valueName: "format"
        )
    )
    var format: OutputFormat?

    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Flag(name: [.customShort("V"), .long], help: "Text output: show every decoded field of each APDU under its line.")
    var verbose = false

    @Flag(name: .long, help: "Show LLS passwords and dedicated keys instead of their length.")
    var showSecrets = false

    var renderOptions: RenderOptions { RenderOptions(showSecrets: showSecrets, verbose: verbose) }

    /// The format asked for; by default text on a terminal, JSON Lines into files and pipes.
    func effectiveFormat(outDirectory: String?) -> OutputFormat {
        if let format { return format }
        return output == nil && outDirectory == nil && isatty(STDOUT_FILENO) == 1 ? .text : .json
    }

}
