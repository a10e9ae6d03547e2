import ArgumentParser
import DLMSCapture
import DLMSCore

/// Options that say what to read and how.
struct InputOptions: ParsableArguments {
    @Argument(
        help: ArgumentHelp(
            "Captures to read: pcap, pcapng or hex-log files (told by content), or directories searched recursively for them; '-' reads standard input.",
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

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Framing of every stream: auto (recognise per stream), wrapper, hdlc, mbus, iec61334 or apdu (one APDU per datagram or hex line).",
            valueName: "framing"
        )
    )
    var transport: TransportChoice = .auto

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("no input given") }
    }

    /// Compiles the capture filter once up front, so that a bad expression is a usage error.
    func checkFilter() throws {
        guard let filter else { return }
        do {
            try PcapReader.validate(filter: filter)
        } catch {
            throw ValidationError(error.description)
        }
    }
}

/// The `--transport` choices.
enum TransportChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, wrapper, hdlc, mbus, iec61334, apdu

    /// The framing to force, or nil to recognise it.
    var forced: TransportKind? {
        switch self {
        case .auto: nil
        case .wrapper: .wrapper
        case .hdlc: .hdlc
        case .mbus: .mbus
        case .iec61334: .iec61334
        case .apdu: .raw
        }
    }
}
