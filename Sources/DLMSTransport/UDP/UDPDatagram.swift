import DLMSCore

/// A UDP header (RFC 768) and its payload.
struct UDPDatagram {
    var sourcePort: UInt16
    var destinationPort: UInt16
    var payload: ArraySlice<UInt8>
    /// Set when the length field disagrees with the bytes present.
    var lengthProblem: String?

    init(_ data: ArraySlice<UInt8>) throws(IPPacket.ParseError) {
        var reader = ByteReader(data)
        guard let source = reader.readUInt16(), let destination = reader.readUInt16(),
              let length = reader.readUInt16(), reader.skip(2)
        else { throw .malformed("UDP header needs 8 bytes, datagram has \(data.count)", offset: data.startIndex) }
        sourcePort = source
        destinationPort = destination
        let declared = Int(length)
        // Length 0 is legal for IPv6 jumbograms; otherwise trust only bytes that are present.
        if declared == 0 || declared == data.count {
            payload = reader.remaining
            lengthProblem = nil
        } else if declared < 8 {
            payload = reader.remaining
            lengthProblem = "UDP length \(declared) is shorter than its header"
        } else if declared < data.count {
            payload = reader.remaining.prefix(declared - 8)
            lengthProblem = nil  // trailing bytes are link padding
        } else {
            payload = reader.remaining
            lengthProblem = "UDP length \(declared) exceeds the \(data.count) bytes present"
        }
    }
}
