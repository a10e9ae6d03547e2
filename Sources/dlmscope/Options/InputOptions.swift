import ArgumentParser

/// Options that say what to read and how.
struct InputOptions: ParsableArguments {
    @Argument(
        help: ArgumentHelp(
            "Captures to read: pcap, pcapng or hex logs (detected by content); '-' reads standard input.",
            valueName: "input"
        )
    )
    var inputs: [String]

    @Flag(name: .long, help: "Read every input as raw serial bytes (a byte stream with no capture format).")
    var raw = false

    @Option(
        name: [.customShort("f"), .long],
        help: ArgumentHelp(
            "A BPF capture filter (tcpdump syntax), applied to pcap/pcapng inputs.",
            valueName: "expression"
        )
    )
    var filter: String?

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("no input given") }
    }
}
