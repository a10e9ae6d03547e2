import DLMSCore

extension TransportDecoder {
    /// Feeds a segment to its connection: data to the sender's stream, the
    /// acknowledgement to the other one; SYN, FIN and RST steer the connection.
    mutating func tcp(
        _ segment: TCPSegment, flow: Flow, missing: Int, packets: [Int], time: Timestamp?,
        into events: inout [TransportEvent]
    ) {
        let key = ConversationKey(flow, transport: .tcp)
        let number = packets.last ?? lastPacket
        let opening = segment.flags.contains(.syn) && !segment.flags.contains(.ack)
        // A SYN with a new initial sequence number on known ports starts a new connection.
        if opening, let existing = connections[key] {
            let sender = existing.isFromA(flow) ? existing.fromA : existing.fromB
            if sender.initialSequence != segment.sequence {
                closeConnection(key, reason: "a new connection reuses its ports", into: &events)
                connections[key] = nil
            }
        }
        let index: Dictionary<ConversationKey, TCPConnection>.Index
        if let found = connections.index(forKey: key) {
            index = found
        } else {
            evictConnectionsIfNeeded(into: &events)
            connections[key] = TCPConnection(conversation: newConversation(), firstFlow: flow, packet: number)
            guard let inserted = connections.index(forKey: key) else { return }
            index = inserted
        }
        // Worked on in place in the table, so that its buffers are never copied (nor its key hashed again).
        let fed = Self.feed(segment, flow: flow, missing: missing, packet: number, time: time, to: &connections.values[index])
        Self.emit(fed.sent, stream: fed.sender.stream, direction: fed.sender.direction, flow: flow, into: &events)
        Self.emit(fed.acknowledged, stream: fed.receiver.stream, direction: fed.receiver.direction, flow: flow.reversed,
                  into: &events)

        if segment.flags.contains(.rst) {
            closeConnection(key, reason: "the connection was reset", into: &events)
            return
        }
        let (wasClosed, isClosed, conversation) = Self.endCompletedStreams(&connections.values[index], into: &events)
        if !wasClosed, isClosed { remember(closed: key, conversation: conversation) }
    }

    /// What a segment gave: the bytes it delivered for its sender, those its acknowledgement
    /// released for the receiver, and the stream and direction of each side.
    private struct Fed {
        var sent: [TCPStreamReassembler.Output]
        var acknowledged: [TCPStreamReassembler.Output]
        var sender: (stream: StreamID, direction: Direction)
        var receiver: (stream: StreamID, direction: Direction)
    }

    /// Feeds a segment's data to its sender's stream and its acknowledgement to the other one.
    private static func feed(
        _ segment: TCPSegment, flow: Flow, missing: Int, packet number: Int, time: Timestamp?,
        to connection: inout TCPConnection
    ) -> Fed {
        connection.lastPacket = number
        let fromA = connection.isFromA(flow)

        var sent: [TCPStreamReassembler.Output] = []
        var acknowledged: [TCPStreamReassembler.Output] = []
        if segment.flags.contains(.syn) {
            // The SYN comes from the client, the SYN/ACK from the server.
            connection.aIsClient = segment.flags.contains(.ack) ? !fromA : fromA
            if fromA {
                connection.fromA.synchronize(initialSequence: segment.sequence)
            } else {
                connection.fromB.synchronize(initialSequence: segment.sequence)
            }
        }
        let sequence = segment.flags.contains(.syn) ? segment.sequence &+ 1 : segment.sequence
        let fin = segment.flags.contains(.fin)
        if fromA {
            sent = connection.fromA.receive(segment.payload, sequence: sequence, missing: missing, fin: fin,
                                            packet: number, time: time)
            if segment.flags.contains(.ack) {
                acknowledged = connection.fromB.acknowledge(segment.acknowledgment, packet: number, time: time)
            }
        } else {
            sent = connection.fromB.receive(segment.payload, sequence: sequence, missing: missing, fin: fin,
                                            packet: number, time: time)
            if segment.flags.contains(.ack) {
                acknowledged = connection.fromA.acknowledge(segment.acknowledgment, packet: number, time: time)
            }
        }
        return Fed(
            sent: sent, acknowledged: acknowledged,
            sender: (connection.stream(fromA: fromA), connection.direction(fromA: fromA)),
            receiver: (connection.stream(fromA: !fromA), connection.direction(fromA: !fromA))
        )
    }

    /// Flushes both directions of a connection and ends its streams; the
    /// connection stays known (closed) so that late packets find it.
    mutating func closeConnection(_ key: ConversationKey, reason: String, into events: inout [TransportEvent]) {
        guard var connection = connections.removeValue(forKey: key) else { return }
        let flowFromA = Flow(source: connection.sideA, destination: key.low == connection.sideA ? key.high : key.low)
        let number = lastPacket
        let fromA = connection.fromA.flush(packet: number, time: lastTime, reason: reason)
        let fromB = connection.fromB.flush(packet: number, time: lastTime, reason: reason)
        emit(fromA, connection: connection, fromA: true, flow: flowFromA, into: &events)
        emit(fromB, connection: connection, fromA: false, flow: flowFromA.reversed, into: &events)
        if !connection.endedA, connection.fromA.hasStarted { events.append(.end(connection.stream(fromA: true))) }
        if !connection.endedB, connection.fromB.hasStarted { events.append(.end(connection.stream(fromA: false))) }
        let wasClosed = connection.isClosed
        connection.endedA = true
        connection.endedB = true
        connections[key] = connection
        if !wasClosed { remember(closed: key, conversation: connection.conversation) }
    }

    /// Keeps the most recent closed connections (their late packets then find
    /// them) and forgets older ones, so that memory does not grow with the
    /// number of connections in a capture.
    private mutating func remember(closed key: ConversationKey, conversation: Int) {
        closedConnections.append((key, conversation))
        while closedConnections.count - closedHead > limits.maxClosedConnections {
            let oldest = closedConnections[closedHead]
            closedHead += 1
            // The ports may have been reused since: forget only that very connection.
            if let connection = connections[oldest.key], connection.conversation == oldest.conversation,
               connection.isClosed {
                connections[oldest.key] = nil
            }
        }
        if closedHead > 4096, closedHead * 2 > closedConnections.count {
            closedConnections.removeFirst(closedHead)
            closedHead = 0
        }
    }

    /// Ends the streams whose data is complete; returns whether the connection was closed
    /// before and is now, and its conversation.
    private static func endCompletedStreams(
        _ connection: inout TCPConnection, into events: inout [TransportEvent]
    ) -> (wasClosed: Bool, isClosed: Bool, conversation: Int) {
        let wasClosed = connection.isClosed
        if !connection.endedA, connection.fromA.isComplete {
            connection.endedA = true
            events.append(.end(connection.stream(fromA: true)))
        }
        if !connection.endedB, connection.fromB.isComplete {
            connection.endedB = true
            events.append(.end(connection.stream(fromA: false)))
        }
        return (wasClosed, connection.isClosed, connection.conversation)
    }

    /// Keeps the connection table bounded: closed connections go first, then the least recently active.
    private mutating func evictConnectionsIfNeeded(into events: inout [TransportEvent]) {
        guard connections.count >= limits.maxConnections else { return }
        let closed = connections.filter { $0.value.isClosed }.map(\.key)
        if !closed.isEmpty {
            for key in closed { connections[key] = nil }
            return
        }
        let victims = connections.sorted { $0.value.lastPacket < $1.value.lastPacket }
            .prefix(max(1, limits.maxConnections / 8))
        events.append(.notice(TransportNotice(
            Finding(.resourceLimit,
                    "more than \(limits.maxConnections) open TCP connections: the \(victims.count) least recently active were closed",
                    packet: lastPacket),
            packets: [lastPacket], time: lastTime
        )))
        for (key, _) in victims {
            closeConnection(key, reason: "evicted to bound memory", into: &events)
            connections[key] = nil
        }
    }

    /// Turns reassembler output into transport events for one direction.
    private func emit(
        _ outputs: [TCPStreamReassembler.Output], connection: TCPConnection, fromA: Bool, flow: Flow,
        into events: inout [TransportEvent]
    ) {
        Self.emit(outputs, stream: connection.stream(fromA: fromA), direction: connection.direction(fromA: fromA), flow: flow,
                  into: &events)
    }

    /// Turns reassembler output into transport events for the stream `stream` running in `direction`.
    private static func emit(
        _ outputs: [TCPStreamReassembler.Output], stream: StreamID, direction: Direction, flow: Flow,
        into events: inout [TransportEvent]
    ) {
        for output in outputs {
            switch output {
            case let .bytes(bytes, offset, packets, time, findings):
                events.append(.data(TransportData(
                    stream: stream, transport: .tcp, flow: flow, direction: direction, bytes: bytes,
                    streamOffset: offset, packets: packets, time: time, findings: findings
                )))
            case let .gap(offset, count, packet, time, reason):
                events.append(.gap(TransportGap(
                    stream: stream, flow: flow, direction: direction, streamOffset: offset, byteCount: count,
                    packets: [packet], time: time, reason: reason
                )))
            case let .retransmission(packet, time, count):
                events.append(.notice(TransportNotice(
                    Finding(.tcpRetransmission,
                            "retransmission of \(count) byte\(count == 1 ? "" : "s") already delivered",
                            packet: packet),
                    packets: [packet], time: time, flow: flow, direction: direction, stream: stream
                )))
            }
        }
    }
}
