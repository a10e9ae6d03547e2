/// The unordered pair of endpoints of a conversation, with the protocol, so
/// that both directions of a TCP connection or UDP flow find the same state.
struct ConversationKey: Hashable {
    var low: Endpoint
    var high: Endpoint
    var transport: TransportProtocol

    init(_ flow: Flow, transport: TransportProtocol) {
        if Self.precedes(flow.source, flow.destination) {
            (low, high) = (flow.source, flow.destination)
        } else {
            (low, high) = (flow.destination, flow.source)
        }
        self.transport = transport
    }

    private static func precedes(_ a: Endpoint, _ b: Endpoint) -> Bool {
        switch (a.address, b.address) {
        case let (.v4(x), .v4(y)) where x != y: x < y
        case let (.v6(xh, xl), .v6(yh, yl)) where (xh, xl) != (yh, yl): (xh, xl) < (yh, yl)
        case (.v4, .v6): true
        case (.v6, .v4): false
        default: a.port <= b.port
        }
    }
}
