/// One unit read from a capture: a pcap record, a hex-log line or block, or a
/// chunk of a raw serial file.
public struct CapturedPacket: Sendable {
    /// 1-based capture record number (for hex logs: the line the unit starts on).
    public var number: Int
    public var timestamp: Timestamp?
    public var linkType: LinkType
    /// The captured bytes.
    public var data: [UInt8]
    /// The packet's length on the wire (more than `data.count` when cut by a snaplen).
    public var originalLength: Int
    /// Direction stated by the capture itself (a hex log's TX/RX prefix, a
    /// serial pseudo-header); `.unknown` otherwise.
    public var direction: Direction

    public init(
        number: Int,
        timestamp: Timestamp?,
        linkType: LinkType,
        data: [UInt8],
        originalLength: Int? = nil,
        direction: Direction = .unknown
    ) {
        self.number = number
        self.timestamp = timestamp
        self.linkType = linkType
        self.data = data
        self.originalLength = originalLength ?? data.count
        self.direction = direction
    }
}
