import DLMSCore

/// The identifier and length octets of one BER element, as read.
///
/// Lengths are definite only (the indefinite form `80` is refused, no DLMS
/// encoder uses it), with at most 4 length bytes; tags may have the
/// multi-byte form (`xF` then up to 4 bytes of tag number). A length is only
/// a claim: callers compare it with the bytes present.
struct BERHeader {
    /// The identifier octets.
    var tag: [UInt8]
    /// The tag number (the low 5 bits, or the multi-byte number).
    var number: UInt32
    /// Where the identifier starts (absolute offset).
    var offset: Int
    /// Where the length starts.
    var lengthOffset: Int
    /// The length as written.
    var length: Int
    /// Length bytes after `0x8n`; 0 for the short form.
    var longFormByteCount: Int
    /// Where the content starts.
    var contentStart: Int

    /// Where the content ends if the length is true.
    var declaredEnd: Int { contentStart + length }

    /// This length, for content that is `actual` bytes long.
    func record(actualLength actual: Int) -> BERLengthRecord {
        BERLengthRecord(form: BERLengthForm(excess: length - actual, longFormByteCount: longFormByteCount), actual: actual)
    }

    static let maximumTagNumberBytes = 4
    static let maximumLengthBytes = 4

    /// Reads a header; `what` names the element in error messages.
    static func read(from reader: inout ByteReader, what: String) throws(DecodingError) -> BERHeader {
        let offset = reader.position
        guard let first = reader.readUInt8() else { throw DecodingError("data ends where the \(what) tag was expected", at: offset) }
        var tag = [first]
        var number = UInt32(first & 0x1F)  // widening
        if first & 0x1F == 0x1F {
            number = 0
            while true {
                guard tag.count <= maximumTagNumberBytes else {
                    throw DecodingError("\(what) tag number takes more than \(maximumTagNumberBytes) bytes", at: offset)
                }
                guard let byte = reader.readUInt8() else {
                    throw DecodingError("data ends inside the \(what) tag", at: offset)
                }
                tag.append(byte)
                number = number << 7 | UInt32(byte & 0x7F)  // widening
                if byte & 0x80 == 0 { break }
            }
        }
        let lengthOffset = reader.position
        guard let lengthByte = reader.readUInt8() else {
            throw DecodingError("data ends where the \(what) length was expected", at: lengthOffset)
        }
        var length = Int(lengthByte)
        var longFormByteCount = 0
        if lengthByte & 0x80 != 0 {
            longFormByteCount = Int(lengthByte & 0x7F)
            guard longFormByteCount > 0 else {
                throw DecodingError("\(what) has the indefinite length form (80), which DLMS does not use", at: lengthOffset)
            }
            guard longFormByteCount <= maximumLengthBytes else {
                throw DecodingError(
                    "\(what) length has \(longFormByteCount) length bytes; at most \(maximumLengthBytes) are accepted",
                    at: lengthOffset)
            }
            guard let bytes = reader.readBytes(longFormByteCount) else {
                throw DecodingError(
                    "\(what) length needs \(longFormByteCount) length bytes, \(reader.remainingCount) present", at: lengthOffset)
            }
            // At most 4 bytes: fits an Int on every 64-bit platform.
            length = bytes.reduce(0) { $0 << 8 | Int($1) }
        }
        return BERHeader(
            tag: tag, number: number, offset: offset, lengthOffset: lengthOffset, length: length,
            longFormByteCount: longFormByteCount, contentStart: reader.position)
    }

    /// The tag number of identifier octets (for ordering elements).
    static func number(of tag: [UInt8]) -> UInt32 {
        guard let first = tag.first else { return 0 }
        guard first & 0x1F == 0x1F else { return UInt32(first & 0x1F) }  // widening
        return tag.dropFirst().reduce(0) { $0 << 7 | UInt32($1 & 0x7F) }  // widening
    }

    /// Appends the length of `actual` content bytes in `form`: the actual
    /// length plus the form's excess (kept within 0...2^32-1, the most 4 length
    /// bytes hold), in at least the form's number of length bytes.
    static func appendLength(_ actual: Int, form: BERLengthForm = .canonical, to bytes: inout [UInt8]) {
        let (sum, overflow) = actual.addingReportingOverflow(form.excess)
        let value = min(max(overflow ? actual : sum, 0), Int(UInt32.max))
        let byteCount = min(max(form.longFormByteCount, BERLengthForm.minimalLongFormByteCount(value)), maximumLengthBytes)
        guard byteCount > 0 else {
            bytes.append(UInt8(truncatingIfNeeded: value))
            return
        }
        bytes.append(0x80 | UInt8(truncatingIfNeeded: byteCount))
        for index in stride(from: byteCount - 1, through: 0, by: -1) {
            bytes.append(UInt8(truncatingIfNeeded: value >> (8 * index)))
        }
    }
}
