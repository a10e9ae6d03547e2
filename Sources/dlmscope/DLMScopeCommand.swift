import ArgumentParser
import Glibc

@main
struct DLMScopeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dlmscope",
        abstract: "Decode and check captured DLMS/COSEM traffic offline.",
        discussion: """
            Reads pcap/pcapng captures (any link type libpcap reads; TCP and UDP on any port), \
            hex logs from optical probes, serial and M-Bus ports, and raw serial byte files.
            Exit status: 0 success, 1 `verify` found an error, 2 usage error or unreadable input.
            """,
        version: "0.1.0",
        subcommands: [Decode.self, Verify.self, PDU.self, Schema.self],
        defaultSubcommand: Decode.self
    )

    /// Like ArgumentParser's `main()`, but usage errors exit with status 2
    /// (the DESIGN.md contract) after one line on stderr.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            guard code == .validationFailure else { exit(withError: error) }
            CommandLineError.report(message(for: error) + " (see 'dlmscope help')")
            Glibc.exit(2)
        }
    }
}
