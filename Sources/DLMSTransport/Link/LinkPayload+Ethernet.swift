import DLMSCore

extension LinkPayload {
    /// Ethernet II with any number of 802.1Q / 802.1ad (QinQ) tags.
    static func ethernet(_ data: ArraySlice<UInt8>) -> LinkPayload {
        var reader = ByteReader(data)
        guard reader.skip(12), var type = reader.readUInt16() else {
            return .malformed("Ethernet header needs 14 bytes, packet has \(data.count)", offset: data.startIndex)
        }
        // VLAN tags: 802.1Q (0x8100), 802.1ad (0x88A8) and the pre-standard QinQ types.
        var tags = 0
        while type == 0x8100 || type == 0x88A8 || type == 0x9100 || type == 0x9200 {
            tags += 1
            guard tags <= 8, reader.skip(2), let inner = reader.readUInt16() else {
                return .malformed("VLAN tag cut short", offset: reader.position)
            }
            type = inner
        }
        // A value below 0x0600 is an 802.3 length: LLC traffic, never IP here.
        guard type >= 0x0600 else { return .other }
        return etherType(type, reader.remaining)
    }

    /// PPPoE session stage (RFC 2516): 6-byte header, then a PPP protocol number.
    static func pppoeSession(_ data: ArraySlice<UInt8>) -> LinkPayload {
        var reader = ByteReader(data)
        guard reader.skip(6), let proto = reader.readUInt16() else {
            return .malformed("PPPoE header cut short", offset: data.startIndex)
        }
        switch proto {
        case 0x0021: return .ipv4(reader.remaining)
        case 0x0057: return .ipv6(reader.remaining)
        default: return .other
        }
    }

    /// An MPLS label stack; the payload after the bottom label is IP by its version nibble.
    static func mpls(_ data: ArraySlice<UInt8>) -> LinkPayload {
        var reader = ByteReader(data)
        for _ in 0..<16 {
            guard let entry = reader.readUInt32() else { break }
            if entry & 0x100 != 0 { return ip(reader.remaining) }
        }
        return .malformed("MPLS label stack without a bottom label", offset: data.startIndex)
    }
}
