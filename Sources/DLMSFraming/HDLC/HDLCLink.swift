import DLMSCore

/// One way of an HDLC link: the destination and source address fields as sent.
/// Segments are joined per link, and what the LLC revealed about a link's
/// direction is remembered per link.
struct HDLCLink: Sendable, Hashable, CustomStringConvertible {
    var destination: [UInt8]
    var source: [UInt8]

    /// The link of a frame whose addresses could both be read.
    init?(_ frame: HDLCFrame) {
        guard let destination = frame.destination, let source = frame.source else { return nil }
        self.destination = destination.bytes
        self.source = source.bytes
    }

    init(destination: [UInt8], source: [UInt8]) {
        self.destination = destination
        self.source = source
    }

    /// The other way of the same link.
    var reversed: HDLCLink { HDLCLink(destination: source, source: destination) }

    /// Source then destination address in hex, as in `21->0223`.
    var description: String { "\(Hex.encode(source))->\(Hex.encode(destination))" }
}
