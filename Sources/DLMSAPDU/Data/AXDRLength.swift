import DLMSCore

/// Reading and writing A-XDR lengths (spec-notes §5): one byte below 0x80,
/// else `0x80 | n` followed by `n` big-endian length bytes.
///
/// dlmscope reads at most 4 length bytes (`84 xx xx xx xx`), which covers
/// every length a DLMS PDU can have; `80` (no length bytes) and `85` and above
/// are errors. A length that is read is only a claim: callers compare it with
/// `ByteReader.remainingCount` before they use it.
public enum AXDRLength {
    /// The most length bytes after the `0x80 | n` byte that are accepted.
    public static let maximumLengthBytes = 4

    /// Reads a length; `what` names it in error messages ("octet-string length").
    /// Errors point at the first byte of the length.
    public static func read(
        from reader: inout ByteReader,
        what: @autoclosure () -> String
    ) throws(DecodingError) -> (value: Int, form: AXDRLengthForm) {
        let offset = reader.position
        guard let first = reader.readUInt8() else {
            throw DecodingError("data ends where the \(what()) was expected", at: offset)
        }
        guard first & 0x80 != 0 else { return (Int(first), .canonical) }
        let byteCount = Int(first & 0x7F)
        guard byteCount > 0 else {
            throw DecodingError("\(what()) 80 has no length bytes (the indefinite form is not A-XDR)", at: offset)
        }
        guard byteCount <= maximumLengthBytes else {
            throw DecodingError(
                "\(what()) has \(byteCount) length bytes; at most \(maximumLengthBytes) are accepted", at: offset
            )
        }
        guard let bytes = reader.readBytes(byteCount) else {
            throw DecodingError(
                "\(what()) needs \(byteCount) length bytes, \(reader.remainingCount) present", at: offset
            )
        }
        // At most 4 bytes: the value fits in an Int on every 64-bit platform.
        var value = 0
        for byte in bytes { value = value << 8 | Int(byte) }
        let isCanonical = byteCount == canonicalLengthByteCount(value)
        let form: AXDRLengthForm = isCanonical ? .canonical : .long(byteCount: byteCount)
        return (value, form)
    }

    /// Appends `value` in `form`, or canonically when `form` cannot hold it
    /// (a long form with too few bytes, or more than `maximumLengthBytes`).
    /// Negative values are written as 0.
    public static func append(_ value: Int, form: AXDRLengthForm = .canonical, to bytes: inout [UInt8]) {
        let value = max(value, 0)
        let byteCount = lengthByteCount(value, form: form)
        guard byteCount > 0 else {
            bytes.append(UInt8(truncatingIfNeeded: value))
            return
        }
        bytes.append(0x80 | UInt8(truncatingIfNeeded: byteCount))
        for index in stride(from: byteCount - 1, through: 0, by: -1) {
            bytes.append(UInt8(truncatingIfNeeded: value >> (8 * index)))
        }
    }

    /// The number of bytes `append` writes for `value` in `form`.
    public static func encodedCount(_ value: Int, form: AXDRLengthForm = .canonical) -> Int {
        1 + lengthByteCount(max(value, 0), form: form)
    }

    /// The number of length bytes after the first byte (0: short form).
    private static func lengthByteCount(_ value: Int, form: AXDRLengthForm) -> Int {
        let needed = canonicalLengthByteCount(value)
        if case .long(let requested) = form, requested >= max(needed, 1), requested <= maximumLengthBytes {
            return requested
        }
        return needed
    }

    /// How many length bytes follow the `0x80 | n` byte in the canonical
    /// form: 0 for the short form (below 0x80), else the fewest bytes that hold it.
    static func canonicalLengthByteCount(_ value: Int) -> Int {
        guard value >= 0x80 else { return 0 }
        var count = 0
        var rest = value
        while rest > 0 {
            count += 1
            rest >>= 8
        }
        return count
    }
}
