/// Why an input could not be read at all. Each case reads as one clear line;
/// the CLI prints it on stderr and exits with status 2.
public enum InputError: Error, Sendable, Equatable, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case notACapture(path: String)
    case pcap(path: String, message: String)
    case invalidFilter(expression: String, message: String)

    public var description: String {
        switch self {
        case let .cannotOpen(path, reason):
            "\(path): cannot open: \(reason)"
        case let .notACapture(path):
            "\(path): not a pcap/pcapng capture or a hex log (use --raw to read it as raw serial bytes)"
        case let .pcap(path, message):
            "\(path): \(message)"
        case let .invalidFilter(expression, message):
            "invalid capture filter '\(expression)': \(message)"
        }
    }
}
