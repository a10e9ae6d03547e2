import DLMSCore

/// Bytes for the framing stage with where they came from.
public struct TransportData: Sendable {
    public var stream: StreamID
    public var transport: TransportProtocol
    /// Sender and receiver; nil for serial bytes.
    public var flow: Flow?
    public var direction: Direction
    public var bytes: ArraySlice<UInt8>
    /// For TCP, the offset of the first byte within its direction's stream
    /// (counted from the first byte after the SYN, or the first byte seen).
    public var streamOffset: UInt64?
    /// Capture records that carried these bytes (several for IP fragments).
    public var packets: [Int]
    public var time: Timestamp?
    /// Problems with these bytes (an overlap that was trimmed, a snaplen cut).
    public var findings: [Finding]

    public init(
        stream: StreamID, transport: TransportProtocol, flow: Flow?, direction: Direction,
        bytes: ArraySlice<UInt8>, streamOffset: UInt64? = nil, packets: [Int], time: Timestamp?,
        findings: [Finding] = []
    ) {
        self.stream = stream
        self.transport = transport
        self.flow = flow
        self.direction = direction
        self.bytes = bytes
        self.streamOffset = streamOffset
        self.packets = packets
        self.time = time
        self.findings = findings
    }
}
