/// What the bytes of a captured packet start with.
///
/// pcap link types are mapped from libpcap's DLT values by DLMSCapture; hex
/// logs and raw files produce `.serial`: bytes as they crossed a serial line,
/// with no link header at all.
public enum LinkType: Sendable, Hashable {
    /// Ethernet II / 802.3, possibly with 802.1Q or QinQ tags.
    case ethernet
    /// BSD loopback (DLT_NULL): a 4-byte address family in the capturing host's byte order.
    case bsdLoopback
    /// OpenBSD loopback (DLT_LOOP): a 4-byte address family in network byte order.
    case openBSDLoopback
    /// Raw IP: IPv4 or IPv6, told apart by the version nibble.
    case rawIP
    case ipv4
    case ipv6
    /// Linux "cooked" capture v1 (16-byte header).
    case linuxSLL
    /// Linux "cooked" capture v2 (20-byte header).
    case linuxSLL2
    /// DLT_USER0...DLT_USER15 (the index): raw serial bytes, by convention.
    case user(Int)
    /// Bytes read from a hex log or a raw serial capture.
    case serial
    /// Any other link type; `name` is libpcap's name for it.
    case unsupported(dlt: Int, name: String)
}
