import DLMSCore

/// A capture packet (or log line) that carried some of a unit's bytes.
public struct Carrier: Sendable, Hashable {
    public var packet: Int
    public var time: Timestamp?

    public init(packet: Int, time: Timestamp?) {
        self.packet = packet
        self.time = time
    }
}
