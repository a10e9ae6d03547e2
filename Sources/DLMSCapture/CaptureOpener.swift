import DLMSCore

/// Opens an input as the right kind of capture, detected from its content.
public enum CaptureOpener {
    public struct Options: Sendable {
        /// Read the input as raw serial bytes whatever it contains.
        public var raw = false
        /// A BPF expression applied to pcap and pcapng inputs.
        public var filter: String?

        public init(raw: Bool = false, filter: String? = nil) {
            self.raw = raw
            self.filter = filter
        }
    }

    /// The reader for `input`, and the format it was detected as.
    public static func open(
        _ input: InputFile, options: Options = Options()
    ) throws(InputError) -> (format: CaptureFormat, reader: any CaptureReader) {
        let format = CaptureFormat.detect(input.peek(CaptureFormat.probeLength))
        if let error = input.readError { throw .cannotOpen(path: input.name, reason: error) }
        if options.raw { return (format, RawSerialReader(input: input)) }
        switch format {
        case .pcap, .pcapng:
            return (format, try PcapReader(input: input, filter: options.filter))
        case .hexLog:
            return (format, HexLogReader(input: input))
        case .empty:
            return (format, RawSerialReader(input: input))  // nothing to read
        case .unknownBinary:
            throw .notACapture(path: input.name)
        }
    }
}
