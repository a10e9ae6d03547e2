import DLMSCore

/// One direction of a TCP connection put back in order.
///
/// Every byte is delivered once, in stream order. Segments that arrive early
/// wait (bounded); bytes already delivered are dropped and reported as a
/// retransmission; bytes that the capture never held become a gap, declared
/// as soon as there is proof they are lost: the peer acknowledged them, the
/// waiting buffer is full, the connection closes, or the capture ends.
/// Offsets count stream bytes from the first byte after the SYN (or from the
/// first byte seen when the capture starts mid-connection); sequence numbers
/// are compared modulo 2^32 relative to the next expected byte.
struct TCPStreamReassembler {
    enum Output {
        case bytes(ArraySlice<UInt8>, offset: UInt64, packets: [Int], time: Timestamp?, findings: [Finding])
        case gap(offset: UInt64, count: UInt64, packet: Int, time: Timestamp?, reason: String)
        case retransmission(packet: Int, time: Timestamp?, count: UInt64)
    }

    private struct Segment {
        var offset: UInt64
        var bytes: ArraySlice<UInt8>
        /// Bytes the segment had on the wire beyond those captured (snaplen).
        var missingTail: UInt64
        var packet: Int
        var time: Timestamp?
        var end: UInt64 { offset + UInt64(bytes.count) + missingTail }
    }

    static let maxPendingBytes = 1 << 20
    static let maxPendingSegments = 2048

    /// Sequence number of stream offset 0.
    private var base: UInt32?
    private(set) var initialSequence: UInt32?
    /// Stream bytes delivered or declared missing so far.
    private(set) var delivered: UInt64 = 0
    private var pending: [Segment] = []
    private var pendingBytes = 0
    /// The highest stream offset the peer has acknowledged.
    private var acknowledged: UInt64 = 0
    /// The stream offset at which the sender's FIN sits.
    private(set) var finOffset: UInt64?

    var hasStarted: Bool { base != nil }
    var hasPending: Bool { !pending.isEmpty }
    /// The sender closed and every byte before its FIN has been delivered.
    var isComplete: Bool { finOffset.map { delivered >= $0 } ?? false }

    /// A SYN fixes the start of the stream (its sequence number carries no byte).
    mutating func synchronize(initialSequence sequence: UInt32) {
        guard base == nil else { return }
        initialSequence = sequence
        base = sequence &+ 1
    }

    /// Stream offset of a sequence number, relative to the next expected byte.
    private func offset(of sequence: UInt32) -> Int64? {
        guard let base else { return nil }
        let next = base &+ UInt32(truncatingIfNeeded: delivered)
        return Int64(clamping: delivered) + Int64(Int32(bitPattern: sequence &- next))
    }

    /// Takes one segment's payload (`missing` more bytes were on the wire than captured).
    mutating func receive(
        _ payload: ArraySlice<UInt8>, sequence: UInt32, missing: Int = 0, fin: Bool,
        packet: Int, time: Timestamp?
    ) -> [Output] {
        if base == nil { base = sequence }
        guard let start = offset(of: sequence) else { return [] }
        let length = Int64(payload.count) + Int64(missing)
        if fin { finOffset = UInt64(max(0, start + length)) }
        guard length > 0 else { return fillAcknowledgedGap(packet: packet, time: time) }

        var output: [Output] = []
        if start + length <= Int64(clamping: delivered) {
            // A keep-alive probe carries at most one byte just before the next expected one.
            let keepAlive = length <= 1 && start == Int64(clamping: delivered) - 1
            if !keepAlive { output.append(.retransmission(packet: packet, time: time, count: UInt64(length))) }
            return output
        }
        // Bytes before offset 0 precede the SYN: only a broken sender writes them.
        let clipped = max(0, -start)
        let segment = Segment(
            offset: UInt64(start + clipped), bytes: payload.dropFirst(Int(min(clipped, Int64(payload.count)))),
            missingTail: UInt64(missing), packet: packet, time: time
        )
        if segment.offset <= delivered {
            deliver(segment, into: &output)
            drain(into: &output)
        } else {
            insert(segment)
            while pending.count > Self.maxPendingSegments || pendingBytes > Self.maxPendingBytes {
                skipToFirstPending(packet: packet, time: time, reason: "out-of-order buffer full", into: &output)
            }
        }
        output += fillAcknowledgedGap(packet: packet, time: time)
        return output
    }

    /// Takes the peer's acknowledgement number for this direction.
    mutating func acknowledge(_ ack: UInt32, packet: Int, time: Timestamp?) -> [Output] {
        guard let ackOffset = offset(of: ack), ackOffset > 0 else { return [] }
        var offset = UInt64(ackOffset)
        if let finOffset { offset = min(offset, finOffset) }  // the FIN's sequence number carries no byte
        acknowledged = max(acknowledged, offset)
        return fillAcknowledgedGap(packet: packet, time: time)
    }

    /// Delivers everything that waits, declaring every hole a gap (connection
    /// reset or closed, or end of capture).
    mutating func flush(packet: Int, time: Timestamp?, reason: String) -> [Output] {
        var output: [Output] = []
        while !pending.isEmpty {
            skipToFirstPending(packet: packet, time: time, reason: reason, into: &output)
        }
        let end = max(acknowledged, finOffset ?? 0)
        if end > delivered {
            output.append(.gap(offset: delivered, count: end - delivered, packet: packet, time: time, reason: reason))
            delivered = end
        }
        return output
    }

    /// Bytes the peer acknowledged were received; if they are missing here
    /// while later bytes wait, the capture lost them.
    private mutating func fillAcknowledgedGap(packet: Int, time: Timestamp?) -> [Output] {
        guard let first = pending.first, acknowledged > delivered else { return [] }
        let end = min(acknowledged, first.offset)
        var output: [Output] = [
            .gap(offset: delivered, count: end - delivered, packet: packet, time: time,
                 reason: "acknowledged by the peer but not in the capture"),
        ]
        delivered = end
        drain(into: &output)
        return output
    }

    private mutating func skipToFirstPending(packet: Int, time: Timestamp?, reason: String, into output: inout [Output]) {
        guard let first = pending.first else { return }
        if first.offset > delivered {
            output.append(.gap(
                offset: delivered, count: first.offset - delivered, packet: first.packet, time: first.time,
                reason: reason
            ))
            delivered = first.offset
        }
        drain(into: &output)
    }

    private mutating func drain(into output: inout [Output]) {
        while let first = pending.first, first.offset <= delivered {
            pending.removeFirst()
            pendingBytes -= first.bytes.count
            deliver(first, into: &output)
        }
    }

    /// Delivers the part of `segment` at or after `delivered`.
    private mutating func deliver(_ segment: Segment, into output: inout [Output]) {
        guard segment.end > delivered else {
            output.append(.retransmission(packet: segment.packet, time: segment.time,
                                          count: segment.end - segment.offset))
            return
        }
        let overlap = delivered - segment.offset
        if overlap < UInt64(segment.bytes.count) {
            let fresh = segment.bytes.dropFirst(Int(overlap))
            let findings = overlap == 0 ? [] : [Finding(
                .tcpRetransmission, "segment overlaps \(overlap) byte\(overlap == 1 ? "" : "s") already delivered",
                packet: segment.packet
            )]
            output.append(.bytes(fresh, offset: delivered, packets: [segment.packet], time: segment.time,
                                 findings: findings))
            delivered += UInt64(fresh.count)
        }
        if segment.end > delivered {
            output.append(.gap(offset: delivered, count: segment.end - delivered, packet: segment.packet,
                               time: segment.time, reason: "the packet was cut short by the capture's snaplen"))
            delivered = segment.end
        }
    }

    private mutating func insert(_ segment: Segment) {
        var low = 0
        var high = pending.count
        while low < high {
            let middle = (low + high) / 2
            if pending[middle].offset <= segment.offset { low = middle + 1 } else { high = middle }
        }
        pending.insert(segment, at: low)
        pendingBytes += segment.bytes.count
    }
}
