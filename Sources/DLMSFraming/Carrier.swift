import DLMSCore

/// A capture packet (or log line) that carried some of a unit's bytes.
public struct Carrier: Sendable, Hashable {
    public var packet: Int
    public var time: Timestamp?
    /// Earlier packets whose bytes arrived together with `packet`'s (the other
    /// fragments of a reassembled IP datagram).
    public var earlierPackets: [Int]

    public init(packet: Int, time: Timestamp?, earlierPackets: [Int] = []) {
        self.packet = packet
        self.time = time
        self.earlierPackets = earlierPackets
    }

    /// Every packet number, in capture order.
    public var packets: [Int] { earlierPackets + [packet] }
}
