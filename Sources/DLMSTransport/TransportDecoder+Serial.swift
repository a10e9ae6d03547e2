import DLMSCore

extension TransportDecoder {
    /// Serial bytes (hex logs, raw files): one conversation, a stream per direction.
    /// Bytes of unknown direction share the client-to-server stream.
    mutating func serial(
        _ bytes: ArraySlice<UInt8>, direction: Direction, packet: CapturedPacket, into events: inout [TransportEvent]
    ) {
        let conversation = serialConversation ?? newConversation()
        serialConversation = conversation
        let fromA = direction != .serverToClient
        if fromA { serialSidesUsed.a = true } else { serialSidesUsed.b = true }
        events.append(.data(TransportData(
            stream: StreamID(conversation: conversation, fromSideA: fromA), transport: .serial, flow: nil,
            direction: direction, bytes: bytes, packets: [packet.number], time: packet.timestamp
        )))
    }

    /// DLT_USER0-15 captures carry raw serial bytes. By a common convention a
    /// capture tool may put a 1-byte direction pseudo-header before them
    /// (0x00 received by the capturing host, i.e. from the meter; 0x01 sent).
    /// A capture is taken to use it when its first packet starts with 0x00 or
    /// 0x01 followed by an HDLC flag (0x7E) or an M-Bus start (0x68).
    mutating func user(_ data: ArraySlice<UInt8>, packet: CapturedPacket, into events: inout [TransportEvent]) {
        guard !data.isEmpty else { return }
        if userDirectionHeader == nil {
            let second = data.dropFirst().first
            userDirectionHeader = data.count >= 2 && data[data.startIndex] <= 1 && (second == 0x7E || second == 0x68)
        }
        guard userDirectionHeader == true, let header = data.first else {
            serial(data, direction: packet.direction, packet: packet, into: &events)
            return
        }
        let direction: Direction
        switch header {
        case 0: direction = .serverToClient
        case 1: direction = .clientToServer
        default:
            direction = .unknown
            malformed("serial pseudo-header byte 0x\(Hex.encode([header])) is neither 0x00 (received) nor 0x01 (sent)",
                      offset: data.startIndex, packet: packet.number, time: packet.timestamp, into: &events)
        }
        serial(data.dropFirst(), direction: direction, packet: packet, into: &events)
    }
}
