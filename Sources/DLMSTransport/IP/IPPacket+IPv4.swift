import DLMSCore

extension IPPacket {
    /// Parses an IPv4 header (RFC 791). Ethernet padding after the datagram is dropped.
    init(ipv4 data: ArraySlice<UInt8>) throws(ParseError) {
        guard data.count >= 20 else {
            throw .malformed("IPv4 header needs 20 bytes, packet has \(data.count)", offset: data.startIndex)
        }
        var reader = ByteReader(data)
        let versionAndLength = reader.readUInt8() ?? 0
        let headerLength = Int(versionAndLength & 0x0F) * 4
        guard headerLength >= 20, headerLength <= data.count else {
            throw .malformed("IPv4 header length \(headerLength) is impossible", offset: data.startIndex)
        }
        reader.skip(1)
        let totalLength = Int(reader.readUInt16() ?? 0)
        let identification = reader.readUInt16() ?? 0
        let flagsAndOffset = reader.readUInt16() ?? 0
        reader.skip(1)
        protocolNumber = reader.readUInt8() ?? 0
        reader.skip(2)
        source = .v4(reader.readUInt32() ?? 0)
        destination = .v4(reader.readUInt32() ?? 0)

        // A total length of 0 is what TCP segmentation offload leaves in captures: use what is there.
        let declared = totalLength == 0 ? data.count : totalLength
        guard declared >= headerLength else {
            throw .malformed("IPv4 total length \(totalLength) is shorter than its header", offset: data.startIndex + 2)
        }
        let end = data.startIndex + min(declared, data.count)
        payload = data[(data.startIndex + headerLength)..<end]
        missingBytes = max(0, declared - data.count)

        let offset = Int(flagsAndOffset & 0x1FFF) * 8
        let more = flagsAndOffset & 0x2000 != 0
        fragment = (offset != 0 || more)
            ? Fragment(identification: UInt32(identification), offset: offset, moreFragments: more)  // widening
            : nil
    }
}
