import DLMSCore

/// A finding from the transport stage that belongs to no delivered bytes.
public struct TransportNotice: Sendable {
    public var finding: Finding
    public var packets: [Int]
    public var time: Timestamp?
    public var flow: Flow?
    public var direction: Direction
    public var stream: StreamID?

    public init(
        _ finding: Finding, packets: [Int], time: Timestamp?,
        flow: Flow? = nil, direction: Direction = .unknown, stream: StreamID? = nil
    ) {
        self.finding = finding
        self.packets = packets
        self.time = time
        self.flow = flow
        self.direction = direction
        self.stream = stream
    }
}
