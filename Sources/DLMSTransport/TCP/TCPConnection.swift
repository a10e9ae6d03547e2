import DLMSCore

/// Both directions of one TCP connection and what is known about their roles.
struct TCPConnection {
    let conversation: Int
    /// The sender of the first packet seen.
    let sideA: Endpoint
    var fromA = TCPStreamReassembler()
    var fromB = TCPStreamReassembler()
    /// Whether side A is the client, once known.
    var aIsClient: Bool?
    var endedA = false
    var endedB = false
    var lastPacket: Int

    init(conversation: Int, firstFlow: Flow, packet: Int) {
        self.conversation = conversation
        sideA = firstFlow.source
        lastPacket = packet
        aIsClient = ServerRole.sourceIsServer(byPort: firstFlow).map { !$0 }
    }

    var isClosed: Bool { endedA && endedB }

    func isFromA(_ flow: Flow) -> Bool { flow.source == sideA }

    func direction(fromA: Bool) -> Direction {
        guard let aIsClient else { return .unknown }
        return aIsClient == fromA ? .clientToServer : .serverToClient
    }

    func stream(fromA: Bool) -> StreamID { StreamID(conversation: conversation, fromSideA: fromA) }
}
