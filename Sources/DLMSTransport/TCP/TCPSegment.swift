import DLMSCore

/// A TCP header (RFC 9293 §3.1) and its payload.
struct TCPSegment {
    struct Flags: OptionSet {
        let rawValue: UInt8
        static let fin = Flags(rawValue: 0x01)
        static let syn = Flags(rawValue: 0x02)
        static let rst = Flags(rawValue: 0x04)
        static let psh = Flags(rawValue: 0x08)
        static let ack = Flags(rawValue: 0x10)
    }

    var sourcePort: UInt16
    var destinationPort: UInt16
    var sequence: UInt32
    var acknowledgment: UInt32
    var flags: Flags
    var payload: ArraySlice<UInt8>

    init(_ data: ArraySlice<UInt8>) throws(IPPacket.ParseError) {
        var reader = ByteReader(data)
        guard let source = reader.readUInt16(), let destination = reader.readUInt16(),
              let sequence = reader.readUInt32(), let acknowledgment = reader.readUInt32(),
              let offsetByte = reader.readUInt8(), let flagByte = reader.readUInt8()
        else { throw .malformed("TCP header needs 20 bytes, segment has \(data.count)", offset: data.startIndex) }
        let headerLength = Int(offsetByte >> 4) * 4
        guard headerLength >= 20, headerLength <= data.count else {
            throw .malformed(
                "TCP data offset \(headerLength) is impossible for a \(data.count)-byte segment",
                offset: data.startIndex + 12
            )
        }
        sourcePort = source
        destinationPort = destination
        self.sequence = sequence
        self.acknowledgment = acknowledgment
        flags = Flags(rawValue: flagByte)
        payload = data.dropFirst(headerLength)
    }
}
