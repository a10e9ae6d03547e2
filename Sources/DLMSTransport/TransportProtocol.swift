/// What carried a unit's bytes to the framing stage.
public enum TransportProtocol: String, Sendable, Hashable {
    /// A reassembled TCP byte stream.
    case tcp
    /// One UDP datagram.
    case udp
    /// Bytes from a serial line: a hex log, a raw file or a DLT_USER capture.
    case serial
}
