import DLMSCore

/// A run of TCP stream bytes that the capture does not hold.
public struct TransportGap: Sendable {
    public var stream: StreamID
    public var flow: Flow
    public var direction: Direction
    /// Offset of the first missing byte within its direction's stream.
    public var streamOffset: UInt64
    public var byteCount: UInt64
    /// The record that revealed the gap (the next segment, an acknowledgement, or the last one seen).
    public var packets: [Int]
    public var time: Timestamp?
    public var finding: Finding

    public init(
        stream: StreamID, flow: Flow, direction: Direction, streamOffset: UInt64, byteCount: UInt64,
        packets: [Int], time: Timestamp?, reason: String
    ) {
        self.stream = stream
        self.flow = flow
        self.direction = direction
        self.streamOffset = streamOffset
        self.byteCount = byteCount
        self.packets = packets
        self.time = time
        self.finding = Finding(
            .tcpGap,
            "\(byteCount) byte\(byteCount == 1 ? "" : "s") missing at stream offset \(streamOffset) (\(reason))",
            packet: packets.last
        )
    }
}
