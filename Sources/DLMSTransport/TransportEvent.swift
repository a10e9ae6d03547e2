import DLMSCore

/// What the transport stage hands to the framing stage, in capture order.
public enum TransportEvent: Sendable {
    /// In-order bytes of a TCP stream, one UDP datagram, or a serial chunk.
    case data(TransportData)
    /// Bytes of a TCP stream that were never captured; the stream resumes after them.
    case gap(TransportGap)
    /// A stream has ended (FIN or RST, port reuse, eviction, or end of capture).
    /// Deframers flush what they hold for it.
    case end(StreamID)
    /// A problem tied to a packet but to no stream bytes (a retransmission, a
    /// malformed header, an unsupported link type).
    case notice(TransportNotice)
}
