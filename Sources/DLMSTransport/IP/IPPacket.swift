import DLMSCore

/// An IPv4 or IPv6 packet with its extension headers read: addresses, the
/// upper-layer protocol and its payload.
struct IPPacket {
    /// Where a packet sits in a fragmented datagram.
    struct Fragment: Hashable {
        var identification: UInt32
        /// Byte offset of this fragment's payload in the datagram.
        var offset: Int
        var moreFragments: Bool
    }

    var source: IPAddress
    var destination: IPAddress
    /// The upper-layer protocol (6 TCP, 17 UDP).
    var protocolNumber: UInt8
    var payload: ArraySlice<UInt8>
    var fragment: Fragment?
    /// Bytes the header declares but the capture does not hold (a snaplen cut).
    var missingBytes: Int

    static let tcp: UInt8 = 6
    static let udp: UInt8 = 17

    enum ParseError: Error {
        case malformed(String, offset: Int)
    }
}
