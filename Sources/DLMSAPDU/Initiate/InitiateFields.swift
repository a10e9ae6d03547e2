import DLMSCore

/// The A-XDR pieces the initiate APDUs share: usage bytes of OPTIONAL and
/// DEFAULT components, and fixed-size integers, each failing with the
/// component's name at the byte where it should have been.
enum InitiateFields {
    /// An OPTIONAL/DEFAULT usage byte: `00` absent (or default), `01` present.
    static func isPresent(_ reader: inout ByteReader, what: String) throws(DecodingError) -> Bool {
        let offset = reader.position
        guard let flag = reader.readUInt8() else { throw DecodingError("data ends where the \(what) usage flag was expected", at: offset) }
        switch flag {
        case 0x00: return false
        case 0x01: return true
        default: throw DecodingError("\(what) usage flag must be 00 or 01, found \(Hex.encode([flag]))", at: offset)
        }
    }

    static func byte(_ reader: inout ByteReader, what: String) throws(DecodingError) -> UInt8 {
        let offset = reader.position
        guard let value = reader.readUInt8() else { throw DecodingError("data ends where the \(what) was expected", at: offset) }
        return value
    }

    static func uint16(_ reader: inout ByteReader, what: String) throws(DecodingError) -> UInt16 {
        let offset = reader.position
        guard let value = reader.readUInt16() else {
            throw DecodingError("\(what) needs 2 bytes, \(reader.remainingCount) present", at: offset)
        }
        return value
    }

    /// A-XDR BOOLEAN: 00 false, 01 true; another byte is read as true with a note.
    static func boolean(_ reader: inout ByteReader, what: String, notes: inout DecodingNotes) throws(DecodingError) -> Bool {
        let offset = reader.position
        let value = try byte(&reader, what: what)
        if value > 1 {
            notes.note(.apduNonCanonical, "\(what) boolean is \(Hex.encode([value])); read as true, written back as 01", at: offset)
        }
        return value != 0
    }

    /// An OPTIONAL Integer8 quality of service.
    static func qualityOfService(_ reader: inout ByteReader, what: String) throws(DecodingError) -> Int8? {
        guard try isPresent(&reader, what: what) else { return nil }
        return Int8(bitPattern: try byte(&reader, what: what))
    }

    static func appendQualityOfService(_ value: Int8?, to bytes: inout [UInt8]) {
        if let value { bytes += [0x01, UInt8(bitPattern: value)] } else { bytes.append(0x00) }
    }
}
