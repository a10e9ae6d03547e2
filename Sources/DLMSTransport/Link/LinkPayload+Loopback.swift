import DLMSCore

extension LinkPayload {
    /// BSD loopback (DLT_NULL: the address family in the capturing host's byte
    /// order, which the file does not state, so both are tried) and OpenBSD
    /// loopback (DLT_LOOP: network byte order).
    static func loopback(_ data: ArraySlice<UInt8>, networkOrderOnly: Bool) -> LinkPayload {
        var reader = ByteReader(data)
        guard let family = reader.readUInt32() else {
            return .malformed("loopback header needs 4 bytes, packet has \(data.count)", offset: data.startIndex)
        }
        let candidates = networkOrderOnly ? [family] : [family, family.byteSwapped]
        for candidate in candidates {
            switch candidate {
            case 2: return .ipv4(reader.remaining)  // AF_INET everywhere
            case 10, 24, 28, 30: return .ipv6(reader.remaining)  // AF_INET6: Linux, NetBSD/OpenBSD, FreeBSD, Darwin
            default: continue
            }
        }
        return .other
    }

    /// Linux cooked captures: SLL (16-byte header, protocol at offset 14) and
    /// SLL2 (20-byte header, protocol at offset 0).
    static func linuxSLL(_ data: ArraySlice<UInt8>, headerLength: Int, protocolOffset: Int) -> LinkPayload {
        var header = ByteReader(data)
        guard data.count >= headerLength, header.skip(protocolOffset), let type = header.readUInt16() else {
            return .malformed(
                "Linux cooked header needs \(headerLength) bytes, packet has \(data.count)",
                offset: data.startIndex
            )
        }
        return etherType(type, data.dropFirst(headerLength))
    }
}
