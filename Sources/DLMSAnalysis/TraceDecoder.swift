import DLMSCapture
import DLMSCore
import DLMSFraming
import DLMSSecurity
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
        /// The keys to open protected APDUs and check authentication with.
        public var keys: KeyStore
        /// `keys`' suite 1/2 keys and certificates, read once (`KeyStore.asymmetricKeyring()`);
        /// nil reads them when the decoder starts.
        public var keyring: AsymmetricKeyring?

        public init(
            capture: CaptureOpener.Options = .init(), transport: TransportKind? = nil, keys: KeyStore = KeyStore(),
            keyring: AsymmetricKeyring? = nil
        ) {
            self.capture = capture
            self.transport = transport
            self.keys = keys
            self.keyring = keyring
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
    var apduStage: APDUStage
    /// Open requests by exchange: the index of the request record.
    var exchanges: [ExchangeKey: Int] = [:]
    /// Request records held back until their response arrives.
    var awaiting: Set<Int> = []
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
        apduStage = APDUStage(keys: options.keys, keyring: options.keyring)
    }

    public mutating func next() -> Record? {
        while true {
            if readyHead < ready.count {
                let index = ready[readyHead].index
                // A request waits (a bounded while) for its response, so that it can name it.
                if !awaiting.contains(index) || finished || ready.count - readyHead > Self.pairingWindow {
                    // Moved out rather than copied: the queue keeps an empty record with its index
                    // (which `position(of:)` counts from) until it is trimmed.
                    var head = Record(
                        index: index, packets: [], time: nil, flow: nil, direction: .unknown,
                        transport: TransportHeader(kind: .none), findings: []
                    )
                    swap(&head, &ready[readyHead])
                    readyHead += 1
                    if readyHead > 1024, readyHead * 2 > ready.count {
                        ready.removeFirst(readyHead)
                        readyHead = 0
                    }
                    return head
                }
            } else if finished {
                return nil
            }
            advance()
        }
    }

    /// How many records may queue up behind a request waiting for its response.
    static let pairingWindow = 256

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
        if finished { finishExchanges() }
    }

    mutating func emit(
        packets: [Int], time: Timestamp?, flow: String?, direction: Direction,
        transport: TransportHeader, apdu: DecodedAPDU? = nil, security: SecurityInfo? = nil, hls: HLSResult? = nil,
        securitySetup: SecuritySetupEvent? = nil,
        findings: [Finding], opens: ExchangeKey? = nil, closes: ExchangeKey? = nil
    ) {
        var record = Record(
            index: nextIndex, packets: packets, time: time, flow: flow, direction: direction,
            transport: transport, apdu: apdu, findings: findings
        )
        record.security = security
        record.hls = hls
        record.securitySetup = securitySetup
        nextIndex += 1
        if let closes {
            if let request = exchanges.removeValue(forKey: closes) {
                record.partner = request
                awaiting.remove(request)
                if let position = position(of: request) { ready[position].partner = record.index }
            } else if apdu?.apdu != nil || closes.service != .association {
                record.findings.append(Finding(
                    .responseWithoutRequest, "no request for this response was seen (invoke-id \(closes.invokeId))",
                    packet: packets.last
                ))
            }
        }
        if let opens {
            if let earlier = exchanges.updateValue(record.index, forKey: opens) { unanswered(earlier) }
            awaiting.insert(record.index)
        }
        ready.append(record)
    }

    /// The queue position of record `index`, if it is still queued.
    private func position(of index: Int) -> Int? {
        guard let first = ready.first?.index else { return nil }
        let position = index - first
        return position >= readyHead && position < ready.count ? position : nil
    }

    /// Reports a request that got no response.
    private mutating func unanswered(_ index: Int) {
        awaiting.remove(index)
        let finding = Finding(.requestWithoutResponse, "no response to this request was seen")
        if let position = position(of: index) {
            ready[position].findings.append(Finding(
                .requestWithoutResponse, finding.message, packet: ready[position].packets.last))
        } else {
            emit(packets: [], time: nil, flow: nil, direction: .unknown, transport: TransportHeader(kind: .none),
                 findings: [Finding(.requestWithoutResponse, "no response to request #\(index) was seen")])
        }
    }

    /// At the end of the capture: every request still open got no response.
    private mutating func finishExchanges() {
        for index in exchanges.values.sorted() { unanswered(index) }
        exchanges.removeAll()
    }
}
