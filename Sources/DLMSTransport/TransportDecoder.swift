import DLMSCore

/// The transport stage: turns captured packets into ordered bytes per
/// conversation and direction.
///
/// A value-type state machine fed one packet at a time. It strips link
/// headers, reassembles IP fragments, puts TCP streams back in order (any
/// port), passes UDP datagrams and serial chunks through, and reports every
/// defect as a finding. State is bounded: connections, flows and fragments are
/// evicted oldest first, with a `resource-limit` finding, when the limits are reached.
public struct TransportDecoder {
    public struct Limits: Sendable {
        public var maxConnections = 65_536
        /// Closed connections kept to recognise their late packets (retransmitted FINs, final ACKs).
        public var maxClosedConnections = 1024
        public var maxUDPFlows = 65_536

        public init() {}
    }

    let limits: Limits
    var connections: [ConversationKey: TCPConnection] = [:]
    /// Closed connections, oldest first (a FIFO with a moving head).
    var closedConnections: [(key: ConversationKey, conversation: Int)] = []
    var closedHead = 0
    var udpFlows: [ConversationKey: UDPFlow] = [:]
    var fragments = IPFragmentReassembler()
    var nextConversation = 1
    var serialConversation: Int?
    var serialSidesUsed: (a: Bool, b: Bool) = (false, false)
    /// For DLT_USER captures: whether packets start with a direction pseudo-header (decided on the first packet).
    var userDirectionHeader: Bool?
    var lastPacket = 0
    var lastTime: Timestamp?

    public init(limits: Limits = Limits()) {
        self.limits = limits
    }

    /// Decodes one packet, appending what it yields to `events`.
    public mutating func decode(_ packet: CapturedPacket, into events: inout [TransportEvent]) {
        lastPacket = packet.number
        lastTime = packet.timestamp
        let data = packet.data[...]
        switch packet.linkType {
        case let .unsupported(dlt, name):
            events.append(.notice(TransportNotice(
                Finding(.linkTypeUnsupported, "link type \(name) (DLT \(dlt)) is not decoded; packet skipped",
                        packet: packet.number),
                packets: [packet.number], time: packet.timestamp
            )))
        case .serial:
            serial(data, direction: packet.direction, packet: packet, into: &events)
        case .user:
            user(data, packet: packet, into: &events)
        default:
            switch LinkPayload(data, linkType: packet.linkType) {
            case let .ipv4(bytes):
                ip(bytes, isIPv6: false, packet: packet, into: &events)
            case let .ipv6(bytes):
                ip(bytes, isIPv6: true, packet: packet, into: &events)
            case let .serial(bytes):
                serial(bytes, direction: packet.direction, packet: packet, into: &events)
            case .other:
                break
            case let .malformed(message, offset):
                malformed(message, offset: offset, packet: packet.number, time: packet.timestamp, into: &events)
            }
        }
    }

    /// Ends the capture: whatever waits is delivered, holes become gaps, and every stream ends.
    public mutating func finish(into events: inout [TransportEvent]) {
        for abandoned in fragments.finish() {
            events.append(.notice(TransportNotice(abandoned.finding, packets: abandoned.packets, time: abandoned.time)))
        }
        let open = connections.sorted { $0.value.conversation < $1.value.conversation }
        for (key, _) in open {
            closeConnection(key, reason: "the capture ends", into: &events)
        }
        connections.removeAll()
        for flow in udpFlows.values.sorted(by: { $0.conversation < $1.conversation }) {
            events.append(.end(StreamID(conversation: flow.conversation, fromSideA: true)))
            events.append(.end(StreamID(conversation: flow.conversation, fromSideA: false)))
        }
        udpFlows.removeAll()
        if let serialConversation {
            if serialSidesUsed.a { events.append(.end(StreamID(conversation: serialConversation, fromSideA: true))) }
            if serialSidesUsed.b { events.append(.end(StreamID(conversation: serialConversation, fromSideA: false))) }
        }
    }

    mutating func newConversation() -> Int {
        defer { nextConversation += 1 }
        return nextConversation
    }

    func malformed(
        _ message: String, offset: Int?, packet: Int, time: Timestamp?, flow: Flow? = nil,
        into events: inout [TransportEvent]
    ) {
        events.append(.notice(TransportNotice(
            Finding(.packetMalformed, message, packet: packet, offset: offset),
            packets: [packet], time: time, flow: flow
        )))
    }
}
