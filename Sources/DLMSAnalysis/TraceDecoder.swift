import DLMSCapture
import DLMSCore
import DLMSFraming
import DLMSTransport

/// The pipeline over one input: capture, transport, and (as later stages
/// land) framing, APDU decoding and security, yielding records in capture
/// order. It streams: records are produced as packets are read, and only the
/// state the protocols need is kept.
public struct TraceDecoder: IteratorProtocol, Sequence {
    public struct Options: Sendable {
        public var capture: CaptureOpener.Options
        /// The framing to use for every stream; nil recognises it per stream.
        public var transport: TransportKind?

        public init(capture: CaptureOpener.Options = .init(), transport: TransportKind? = nil) {
            self.capture = capture
            self.transport = transport
        }
    }

    /// What the input was detected as.
    public let format: CaptureFormat
    let options: Options
    private var reader: any CaptureReader
    private var transport = TransportDecoder()
    var streams: [StreamID: StreamContext] = [:]
    var roles = ConversationRoles()
    var units: [FramedUnit] = []
    var flowNames = FlowNames()
    private var events: [TransportEvent] = []
    private var ready: [Record] = []
    private var readyHead = 0
    private var nextIndex = 1
    private var finished = false

    /// Opens `input`; throws when it cannot be read as a capture at all.
    public init(input: InputFile, options: Options = Options()) throws(InputError) {
        (format, reader) = try CaptureOpener.open(input, options: options.capture)
        self.options = options
    }

    public mutating func next() -> Record? {
        while readyHead == ready.count {
            ready.removeAll(keepingCapacity: true)
            readyHead = 0
            guard !finished else { return nil }
            advance()
        }
        defer { readyHead += 1 }
        return ready[readyHead]
    }

    /// Reads one capture event and turns what it yields into records.
    private mutating func advance() {
        switch reader.next() {
        case let .packet(packet)?:
            transport.decode(packet, into: &events)
        case let .finding(finding)?:
            emit(packets: finding.packet.map { [$0] } ?? [], time: nil, flow: nil, direction: .unknown,
                 transport: TransportHeader(kind: .none), findings: [finding])
        case nil:
            transport.finish(into: &events)
            finished = true
        }
        for event in events { record(event) }
        events.removeAll(keepingCapacity: true)
    }

    mutating func emit(
        packets: [Int], time: Timestamp?, flow: String?, direction: Direction,
        transport: TransportHeader, apdu: [UInt8]? = nil, findings: [Finding]
    ) {
        ready.append(Record(
            index: nextIndex, packets: packets, time: time, flow: flow, direction: direction,
            transport: transport, apdu: apdu, findings: findings
        ))
        nextIndex += 1
    }
}
