import DLMSCore

/// Reading and writing the A-XDR fields the LN-referencing services (GET,
/// SET, ACTION, EVENT-NOTIFICATION, DATA-NOTIFICATION, ACCESS, general block
/// transfer) are built of (Green Book, xDLMS ASN.1; spec-notes §2 and §5):
/// CHOICE and OPTIONAL bytes, BOOLEAN, fixed-size unsigned integers, octet
/// strings and SEQUENCE OF counts.
///
/// Every count or length read here is compared with the bytes that remain
/// before it is used, and every error points at the byte it is about.
enum LNServiceFields {
    /// Reads the APDU tag and checks that it is `expected`.
    static func tag(_ expected: UInt8, of name: String, from reader: inout ByteReader) throws(DecodingError) {
        let offset = reader.position
        guard let byte = reader.readUInt8() else { throw DecodingError("\(name) is empty", at: offset) }
        guard byte == expected else {
            throw DecodingError(
                "\(name) starts with tag \(Hex.encode([expected])), not \(Hex.encode([byte]))", at: offset
            )
        }
    }

    /// Reads a CHOICE byte and checks it against `range`; `alternatives`
    /// lists the defined ones for the error message ("1 normal, 2 next").
    static func choice(
        _ what: String, in range: ClosedRange<UInt8>, alternatives: String, from reader: inout ByteReader
    ) throws(DecodingError) -> UInt8 {
        let offset = reader.position
        guard let byte = reader.readUInt8() else {
            throw DecodingError("data ends where the \(what) choice was expected", at: offset)
        }
        guard range.contains(byte) else {
            throw DecodingError("\(what) choice \(byte) is not defined (\(alternatives))", at: offset)
        }
        return byte
    }

    /// Reads the presence byte of an OPTIONAL field: 00 absent, 01 present.
    /// Any other byte is an error, since what follows cannot be told apart.
    static func isPresent(_ what: String, from reader: inout ByteReader) throws(DecodingError) -> Bool {
        let offset = reader.position
        guard let byte = reader.readUInt8() else {
            throw DecodingError("data ends where the presence flag of the \(what) was expected", at: offset)
        }
        switch byte {
        case 0: return false
        case 1: return true
        default:
            throw DecodingError(
                "presence flag of the \(what) is \(Hex.encode([byte])), neither 00 (absent) nor 01 (present)",
                at: offset
            )
        }
    }

    /// Reads a BOOLEAN. A-XDR writes 00 and 01; another byte is read as
    /// TRUE (as BER would) and noted, and is written back as 01.
    static func boolean(
        _ what: String, from reader: inout ByteReader, notes: inout DecodingNotes
    ) throws(DecodingError) -> Bool {
        let offset = reader.position
        guard let byte = reader.readUInt8() else {
            throw DecodingError("data ends where the \(what) was expected", at: offset)
        }
        if byte > 1 {
            notes.note(
                .apduNonCanonical, "\(what) is \(Hex.encode([byte])), not a BOOLEAN (00 or 01); read as TRUE", at: offset
            )
        }
        return byte != 0
    }

    static func uint8(_ what: String, from reader: inout ByteReader) throws(DecodingError) -> UInt8 {
        let offset = reader.position
        guard let value = reader.readUInt8() else { throw truncated(what, size: 1, reader: reader, at: offset) }
        return value
    }

    static func uint16(_ what: String, from reader: inout ByteReader) throws(DecodingError) -> UInt16 {
        let offset = reader.position
        guard let value = reader.readUInt16() else { throw truncated(what, size: 2, reader: reader, at: offset) }
        return value
    }

    static func uint32(_ what: String, from reader: inout ByteReader) throws(DecodingError) -> UInt32 {
        let offset = reader.position
        guard let value = reader.readUInt32() else { throw truncated(what, size: 4, reader: reader, at: offset) }
        return value
    }

    /// An OCTET STRING: A-XDR length, then the bytes.
    static func octetString(
        _ what: String, from reader: inout ByteReader
    ) throws(DecodingError) -> (bytes: [UInt8], length: AXDRLengthForm) {
        let offset = reader.position
        let (length, form) = try AXDRLength.read(from: &reader, what: "\(what) length")
        guard let bytes = reader.readBytes(length) else {
            throw DecodingError("\(what) of \(length) bytes but only \(reader.remainingCount) follow", at: offset)
        }
        return (Array(bytes), form)
    }

    /// A SEQUENCE OF: the A-XDR element count, then `element` that many
    /// times. The count is refused before anything is reserved when the
    /// bytes left cannot hold that many elements of `minimumSize` bytes.
    static func sequence<Element>(
        of what: String,
        minimumSize: Int,
        from reader: inout ByteReader,
        element: (inout ByteReader) throws(DecodingError) -> Element
    ) throws(DecodingError) -> (elements: [Element], count: AXDRLengthForm) {
        let offset = reader.position
        let (count, form) = try AXDRLength.read(from: &reader, what: "\(what) count")
        guard count <= reader.remainingCount / max(minimumSize, 1) else {
            throw DecodingError(
                "\(count) \(what) announced but only \(reader.remainingCount) bytes follow "
                    + "(each takes at least \(minimumSize))",
                at: offset
            )
        }
        var elements = [Element]()
        elements.reserveCapacity(count)
        for _ in 0..<count {
            elements.append(try element(&reader))
        }
        return (elements, form)
    }

    /// A Data value; a failure names the field it was read for.
    static func data(_ what: String, from reader: inout ByteReader) throws(DecodingError) -> DLMSData {
        do throws(DecodingError) {
            return try DLMSData.decode(from: &reader)
        } catch {
            throw DecodingError("\(what): \(error.message)", at: error.offset)
        }
    }

    private static func truncated(_ what: String, size: Int, reader: ByteReader, at offset: Int) -> DecodingError {
        DecodingError("\(what) needs \(size) bytes, \(reader.remainingCount) present", at: offset)
    }

    // MARK: Writing

    static func append(_ value: UInt16, to bytes: inout [UInt8]) {
        bytes += [UInt8(truncatingIfNeeded: value >> 8), UInt8(truncatingIfNeeded: value)]
    }

    static func append(_ value: UInt32, to bytes: inout [UInt8]) {
        bytes += [
            UInt8(truncatingIfNeeded: value >> 24), UInt8(truncatingIfNeeded: value >> 16), UInt8(truncatingIfNeeded: value >> 8),
            UInt8(truncatingIfNeeded: value),
        ]
    }

    static func appendOctetString(_ value: [UInt8], length: AXDRLengthForm, to bytes: inout [UInt8]) {
        AXDRLength.append(value.count, form: length, to: &bytes)
        bytes += value
    }

    static func appendBoolean(_ value: Bool, to bytes: inout [UInt8]) {
        bytes.append(value ? 1 : 0)
    }
}
