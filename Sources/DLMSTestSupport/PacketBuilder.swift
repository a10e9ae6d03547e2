/// Builds link, IP, TCP and UDP headers with correct lengths and checksums,
/// for tests, the Samples generator and benchmark corpora.
public enum PacketBuilder {
    // MARK: Link layers

    /// Ethernet II, with 802.1Q tags (outermost first) if given.
    public static func ethernet(
        type: UInt16, payload: [UInt8], vlans: [UInt16] = [], outerTagType: UInt16 = 0x8100
    ) -> [UInt8] {
        var frame: [UInt8] = [0x00, 0x1A, 0x2B, 0x3C, 0x4D, 0x5E, 0x00, 0x1A, 0x2B, 0x3C, 0x4D, 0x5F]
        for (index, vlan) in vlans.enumerated() {
            frame += be16(index == 0 && vlans.count > 1 ? outerTagType : 0x8100) + be16(vlan & 0x0FFF)
        }
        return frame + be16(type) + payload
    }

    /// BSD loopback (DLT_NULL): the address family in the writer's byte order.
    public static func bsdLoopback(family: UInt32, payload: [UInt8], littleEndian: Bool = true) -> [UInt8] {
        (littleEndian ? le32(family) : be32(family)) + payload
    }

    /// Linux cooked capture v1: packet type, ARPHRD_ETHER, a 6-byte address, protocol.
    public static func linuxSLL(protocol type: UInt16, payload: [UInt8], packetType: UInt16 = 0) -> [UInt8] {
        be16(packetType) + be16(1) + be16(6) + [0, 0x1A, 0x2B, 0x3C, 0x4D, 0x5E, 0, 0] + be16(type) + payload
    }

    /// Linux cooked capture v2: protocol, reserved, interface index, ARPHRD_ETHER, packet type, address.
    public static func linuxSLL2(protocol type: UInt16, payload: [UInt8], packetType: UInt8 = 0) -> [UInt8] {
        be16(type) + be16(0) + be32(2) + be16(1) + [packetType, 6] + [0, 0x1A, 0x2B, 0x3C, 0x4D, 0x5E, 0, 0] + payload
    }

    // MARK: IP

    /// An IPv4 packet with a correct header checksum.
    public static func ipv4(
        source: [UInt8], destination: [UInt8], protocol proto: UInt8, payload: [UInt8],
        identification: UInt16 = 1, fragmentOffset: Int = 0, moreFragments: Bool = false,
        totalLength: UInt16? = nil
    ) -> [UInt8] {
        let flags: UInt16 = (moreFragments ? 0x2000 : 0) | UInt16(fragmentOffset / 8)
        var header: [UInt8] = [0x45, 0]
        header += be16(totalLength ?? UInt16(20 + payload.count)) + be16(identification) + be16(flags)
        header += [64, proto, 0, 0] + source + destination
        let checksum = internetChecksum(header)
        header[10] = UInt8(checksum >> 8)
        header[11] = UInt8(checksum & 0xFF)
        return header + payload
    }

    /// An IPv6 packet; `extensionHeaders` are pre-built (each starting with its next-header byte).
    public static func ipv6(
        source: [UInt8], destination: [UInt8], nextHeader: UInt8, payload: [UInt8],
        extensionHeaders: [UInt8] = []
    ) -> [UInt8] {
        let body = extensionHeaders + payload
        return [0x60, 0, 0, 0] + be16(UInt16(body.count)) + [nextHeader, 64] + source + destination + body
    }

    /// An IPv6 fragment extension header.
    public static func ipv6Fragment(nextHeader: UInt8, offset: Int, more: Bool, identification: UInt32) -> [UInt8] {
        [nextHeader, 0] + be16(UInt16(offset / 8) << 3 | (more ? 1 : 0)) + be32(identification)
    }

    // MARK: TCP and UDP

    public struct TCPFlags: OptionSet, Sendable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let fin = TCPFlags(rawValue: 0x01)
        public static let syn = TCPFlags(rawValue: 0x02)
        public static let rst = TCPFlags(rawValue: 0x04)
        public static let psh = TCPFlags(rawValue: 0x08)
        public static let ack = TCPFlags(rawValue: 0x10)
    }

    /// A TCP segment with a checksum over the IPv4 or IPv6 pseudo-header of the given addresses.
    public static func tcp(
        source: [UInt8], destination: [UInt8], sourcePort: UInt16, destinationPort: UInt16,
        sequence: UInt32, acknowledgment: UInt32, flags: TCPFlags, payload: [UInt8], window: UInt16 = 65_535
    ) -> [UInt8] {
        var segment = be16(sourcePort) + be16(destinationPort) + be32(sequence) + be32(acknowledgment)
        segment += [0x50, flags.rawValue] + be16(window) + [0, 0, 0, 0] + payload
        let checksum = internetChecksum(pseudoHeader(source, destination, protocol: 6, length: segment.count) + segment)
        segment[16] = UInt8(checksum >> 8)
        segment[17] = UInt8(checksum & 0xFF)
        return segment
    }

    /// A UDP datagram with its checksum.
    public static func udp(
        source: [UInt8], destination: [UInt8], sourcePort: UInt16, destinationPort: UInt16, payload: [UInt8]
    ) -> [UInt8] {
        var datagram = be16(sourcePort) + be16(destinationPort) + be16(UInt16(8 + payload.count)) + [0, 0] + payload
        var checksum = internetChecksum(pseudoHeader(source, destination, protocol: 17, length: datagram.count) + datagram)
        if checksum == 0 { checksum = 0xFFFF }
        datagram[6] = UInt8(checksum >> 8)
        datagram[7] = UInt8(checksum & 0xFF)
        return datagram
    }

    // MARK: Helpers

    public static func be16(_ value: UInt16) -> [UInt8] { [UInt8(value >> 8), UInt8(value & 0xFF)] }
    public static func be32(_ value: UInt32) -> [UInt8] { [24, 16, 8, 0].map { UInt8(value >> $0 & 0xFF) } }
    public static func le32(_ value: UInt32) -> [UInt8] { [0, 8, 16, 24].map { UInt8(value >> $0 & 0xFF) } }

    /// The RFC 1071 one's-complement checksum.
    public static func internetChecksum(_ bytes: [UInt8]) -> UInt16 {
        var sum: UInt32 = 0
        var index = 0
        while index + 1 < bytes.count {
            sum += UInt32(bytes[index]) << 8 | UInt32(bytes[index + 1])
            index += 2
        }
        if index < bytes.count { sum += UInt32(bytes[index]) << 8 }
        while sum > 0xFFFF { sum = (sum & 0xFFFF) + (sum >> 16) }
        return ~UInt16(sum)
    }

    private static func pseudoHeader(_ source: [UInt8], _ destination: [UInt8], protocol proto: UInt8, length: Int) -> [UInt8] {
        if source.count == 16 {
            return source + destination + be32(UInt32(length)) + [0, 0, 0, proto]
        }
        return source + destination + [0, proto] + be16(UInt16(length))
    }
}
