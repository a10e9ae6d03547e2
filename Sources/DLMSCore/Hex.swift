/// Hexadecimal text for bytes, as DLMS tools print it (upper case, no separators).
public enum Hex {
    /// The upper-case hex digit of a nibble (0...15).
    @inlinable
    static func digit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? nibble &+ UInt8(ascii: "0") : nibble &+ (UInt8(ascii: "A") &- 10)
    }

    public static func encode<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        if let text = bytes.withContiguousStorageIfAvailable({ encode(buffer: $0) }) { return text }
        return encode(Array(bytes))
    }

    // Non-generic entry points: the common callers pass arrays and slices,
    // and these write the digits straight into the string's storage (one
    // allocation, none for 7 bytes or fewer).
    public static func encode(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { encode(buffer: $0) }
    }

    public static func encode(_ bytes: ArraySlice<UInt8>) -> String {
        bytes.withUnsafeBufferPointer { encode(buffer: $0) }
    }

    static func encode(buffer: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: buffer.count * 2) { text in
            var index = 0
            for byte in buffer {
                text[index] = digit(byte >> 4)
                text[index + 1] = digit(byte & 0x0F)
                index += 2
            }
            return index
        }
    }

    /// Appends the hex digits of `bytes` to `out` (for renderers that write bytes, not strings).
    public static func append(_ bytes: [UInt8], to out: inout [UInt8]) {
        for byte in bytes {
            out.append(digit(byte >> 4))
            out.append(digit(byte & 0x0F))
        }
    }

    /// The value of one hex digit (ASCII), or nil.
    @inlinable
    public static func nibble(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): character &- UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): character &- UInt8(ascii: "a") &+ 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): character &- UInt8(ascii: "A") &+ 10
        default: nil
        }
    }

    /// Decodes hex digits, ignoring ASCII whitespace; nil on any other character
    /// or an odd number of digits.
    public static func decode<S: StringProtocol>(_ text: S) -> [UInt8]? {
        var bytes = [UInt8]()
        bytes.reserveCapacity(text.utf8.count / 2)
        var high: UInt8?
        for character in text.utf8 {
            if character == 0x20 || character == 0x09 || character == 0x0A || character == 0x0D { continue }
            guard let value = nibble(character) else { return nil }
            if let pending = high {
                bytes.append(pending << 4 | value)
                high = nil
            } else {
                high = value
            }
        }
        return high == nil ? bytes : nil
    }
}
