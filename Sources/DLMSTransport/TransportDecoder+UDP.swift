import DLMSCore

extension TransportDecoder {
    /// Passes one UDP datagram on as a unit of its flow.
    mutating func udp(
        _ datagram: UDPDatagram, flow: Flow, missing: Int, packets: [Int], time: Timestamp?,
        into events: inout [TransportEvent]
    ) {
        let key = ConversationKey(flow, transport: .udp)
        let number = packets.last ?? lastPacket
        if udpFlows[key] == nil {
            if udpFlows.count >= limits.maxUDPFlows { evictUDPFlows(into: &events) }
            udpFlows[key] = UDPFlow(
                conversation: newConversation(), sideA: flow.source,
                aIsClient: ServerRole.sourceIsServer(byPort: flow).map { !$0 }, lastPacket: number
            )
        }
        guard var state = udpFlows[key] else { return }
        state.lastPacket = number
        udpFlows[key] = state
        let fromA = flow.source == state.sideA
        let direction: Direction = state.aIsClient.map { $0 == fromA ? .clientToServer : .serverToClient } ?? .unknown

        var findings: [Finding] = []
        if let problem = datagram.lengthProblem {
            findings.append(Finding(.packetMalformed, problem, packet: number))
        }
        if missing > 0 {
            findings.append(Finding(
                .packetTruncated, "datagram cut short by the capture's snaplen: \(missing) bytes missing", packet: number
            ))
        }
        events.append(.data(TransportData(
            stream: StreamID(conversation: state.conversation, fromSideA: fromA), transport: .udp, flow: flow,
            direction: direction, bytes: datagram.payload, packets: packets, time: time, findings: findings
        )))
    }

    private mutating func evictUDPFlows(into events: inout [TransportEvent]) {
        let victims = udpFlows.sorted { $0.value.lastPacket < $1.value.lastPacket }
            .prefix(max(1, limits.maxUDPFlows / 8))
        events.append(.notice(TransportNotice(
            Finding(.resourceLimit,
                    "more than \(limits.maxUDPFlows) UDP flows: the \(victims.count) least recently active were forgotten",
                    packet: lastPacket),
            packets: [lastPacket], time: lastTime
        )))
        for (key, flow) in victims {
            events.append(.end(StreamID(conversation: flow.conversation, fromSideA: true)))
            events.append(.end(StreamID(conversation: flow.conversation, fromSideA: false)))
            udpFlows[key] = nil
        }
    }
}
