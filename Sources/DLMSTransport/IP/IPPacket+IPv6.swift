import DLMSCore

extension IPPacket {
    /// Parses an IPv6 header (RFC 8200) and walks its extension headers to the
    /// upper-layer protocol, noting a fragment header on the way.
    init(ipv6 data: ArraySlice<UInt8>) throws(ParseError) {
        guard data.count >= 40 else {
            throw .malformed("IPv6 header needs 40 bytes, packet has \(data.count)", offset: data.startIndex)
        }
        var reader = ByteReader(data)
        reader.skip(4)
        let payloadLength = Int(reader.readUInt16() ?? 0)
        var next = reader.readUInt8() ?? 0
        reader.skip(1)
        source = IPAddress(reader.readBytes(16) ?? []) ?? .v6(high: 0, low: 0)
        destination = IPAddress(reader.readBytes(16) ?? []) ?? .v6(high: 0, low: 0)

        // A payload length of 0 means a jumbogram or segmentation offload: use what is there.
        let declared = payloadLength == 0 ? data.count - 40 : payloadLength
        let end = data.startIndex + 40 + min(declared, data.count - 40)
        missingBytes = max(0, declared - (data.count - 40))
        var body = ByteReader(data[(data.startIndex + 40)..<end])
        fragment = nil

        // Extension headers (bounded, so that a loop of them cannot stall us).
        for _ in 0..<16 {
            switch next {
            case 0, 43, 60:  // hop-by-hop, routing, destination options: length in 8-octet units after the first 8
                guard let following = body.peekUInt8(), let units = body.peekUInt8(at: 1),
                      body.skip((Int(units) + 1) * 8)
                else { throw .malformed("IPv6 extension header cut short", offset: body.position) }
                next = following
            case 51:  // authentication header: length in 4-octet units, minus 2
                guard let following = body.peekUInt8(), let units = body.peekUInt8(at: 1),
                      body.skip((Int(units) + 2) * 4)
                else { throw .malformed("IPv6 authentication header cut short", offset: body.position) }
                next = following
            case 44:  // fragment header
                guard let following = body.readUInt8(), body.skip(1),
                      let offsetAndFlag = body.readUInt16(), let identification = body.readUInt32()
                else { throw .malformed("IPv6 fragment header cut short", offset: body.position) }
                let offset = Int(offsetAndFlag >> 3) * 8
                let more = offsetAndFlag & 1 != 0
                if offset != 0 || more {
                    fragment = Fragment(identification: identification, offset: offset, moreFragments: more)
                }
                next = following
            default:
                protocolNumber = next
                payload = body.remaining
                return
            }
        }
        throw .malformed("more than 16 IPv6 extension headers", offset: body.position)
    }
}
