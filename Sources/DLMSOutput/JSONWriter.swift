import DLMSCore

/// Appends JSON text to a byte buffer: keys in the order written, no
/// Foundation, nothing allocated per value beyond the output itself.
struct JSONWriter {
    private(set) var needsComma = false

    mutating func beginObject(_ out: inout [UInt8]) {
        separate(&out)
        out.append(UInt8(ascii: "{"))
        needsComma = false
    }

    mutating func endObject(_ out: inout [UInt8]) {
        out.append(UInt8(ascii: "}"))
        needsComma = true
    }

    mutating func beginArray(_ out: inout [UInt8]) {
        separate(&out)
        out.append(UInt8(ascii: "["))
        needsComma = false
    }

    mutating func endArray(_ out: inout [UInt8]) {
        out.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// Writes `"name":` for a fixed key (plain ASCII, never escaped); the value follows.
    mutating func key(_ name: StaticString, _ out: inout [UInt8]) {
        separate(&out)
        out.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { out.append(contentsOf: $0) }
        out.append(UInt8(ascii: "\""))
        out.append(UInt8(ascii: ":"))
        needsComma = false
    }

    /// Writes `"name":` for a key known only at run time (escaped as needed);
    /// the value follows. Not an overload of `key(_:)`: a string literal would
    /// pick the `String` one and pay for the escape scan.
    mutating func key(dynamic name: String, _ out: inout [UInt8]) {
        separate(&out)
        Self.appendString(name, to: &out)
        out.append(UInt8(ascii: ":"))
        needsComma = false
    }

    mutating func string(_ value: String, _ out: inout [UInt8]) {
        separate(&out)
        Self.appendString(value, to: &out)
        needsComma = true
    }

    mutating func raw(_ text: String, _ out: inout [UInt8]) {
        separate(&out)
        out.append(contentsOf: text.utf8)
        needsComma = true
    }

    mutating func integer<T: BinaryInteger>(_ value: T, _ out: inout [UInt8]) {
        separate(&out)
        ASCII.appendInteger(value, to: &out)
        needsComma = true
    }

    /// A timestamp as an RFC 3339 string.
    mutating func time(_ value: Timestamp, _ out: inout [UInt8]) {
        separate(&out)
        out.append(UInt8(ascii: "\""))
        ASCII.appendRFC3339(value, to: &out)
        out.append(UInt8(ascii: "\""))
        needsComma = true
    }

    /// A value already encoded as JSON (such as a cached string literal).
    mutating func encoded(_ bytes: [UInt8], _ out: inout [UInt8]) {
        separate(&out)
        out.append(contentsOf: bytes)
        needsComma = true
    }

    mutating func boolean(_ value: Bool, _ out: inout [UInt8]) {
        literal(value ? "true" : "false", &out)
    }

    mutating func null(_ out: inout [UInt8]) {
        literal("null", &out)
    }

    /// A fixed token (`true`, `null`), copied without going through a `String`.
    private mutating func literal(_ token: StaticString, _ out: inout [UInt8]) {
        separate(&out)
        token.withUTF8Buffer { out.append(contentsOf: $0) }
        needsComma = true
    }

    /// Bytes as a hex string, the digits written straight into `out`.
    mutating func hex(_ bytes: [UInt8], _ out: inout [UInt8]) {
        separate(&out)
        out.append(UInt8(ascii: "\""))
        Hex.append(bytes, to: &out)
        out.append(UInt8(ascii: "\""))
        needsComma = true
    }

    /// A field value: numbers, booleans, text, hex for bytes, objects and arrays.
    mutating func value(_ value: Field.Value, _ out: inout [UInt8]) {
        switch value {
        case let .integer(number): integer(number, &out)
        case let .unsigned(number): integer(number, &out)
        case let .float(number): number.isFinite ? raw(String(number), &out) : null(&out)
        case let .boolean(flag): boolean(flag, &out)
        case let .text(text): string(text, &out)
        case let .bytes(bytes): hex(bytes, &out)
        case let .fields(fields):
            beginObject(&out)
            self.fields(fields, &out)
            endObject(&out)
        case let .list(values):
            beginArray(&out)
            for item in values { self.value(item, &out) }
            endArray(&out)
        case .null: null(&out)
        case let .json(bytes): encoded(bytes, &out)
        }
    }

    /// The members of an object, in order.
    mutating func fields(_ fields: [Field], _ out: inout [UInt8]) {
        for field in fields {
            key(dynamic: field.name, &out)
            value(field.value, &out)
        }
    }

    private mutating func separate(_ out: inout [UInt8]) {
        if needsComma { out.append(UInt8(ascii: ",")) }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// A JSON string literal (RFC 8259 §7): quotes, backslashes and control characters escaped.
    static func appendString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Native strings give their UTF-8 directly; only bridged ones take the slow path.
        let copied: Void? = text.utf8.withContiguousStorageIfAvailable { appendEscaping($0, to: &out) }
        if copied == nil {
            var text = text
            text.withUTF8 { appendEscaping($0, to: &out) }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Copies UTF-8 bytes, escaping what JSON needs. Most strings need no
    /// escaping and go in one copy after one tight scan.
    private static func appendEscaping(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        if needsEscaping(bytes) {
            for byte in bytes { appendEscaped(byte, to: &out) }
        } else {
            out.append(contentsOf: bytes)
        }
    }

    /// Whether any byte is a control character, a quote or a backslash,
    /// tested eight bytes at a time (a profile showed this scan as a good part
    /// of writing the many short strings of a record).
    static func needsEscaping(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let raw = UnsafeRawPointer(base)
        var index = 0
        while index + 8 <= bytes.count {
            if needsEscaping(word: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) { return true }
            index += 8
        }
        // The last bytes of a string of eight or more: the last word, overlapping.
        if index < bytes.count, bytes.count >= 8 {
            return needsEscaping(word: raw.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self))
        }
        while index < bytes.count {
            let byte = base[index]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return true }
            index += 1
        }
        return false
    }

    /// The word test: a byte below 0x20, or one that XOR the quote or the
    /// backslash is zero (the exact "has a byte less than n" bit trick, n <= 0x80).
    private static func needsEscaping(word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let control = (word &- ones &* 0x20) & ~word
        let quotes = (quote &- ones) & ~quote
        let backslashes = (backslash &- ones) & ~backslash
        return (control | quotes | backslashes) & highs != 0
    }

    private static func appendEscaped(_ byte: UInt8, to out: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"):
            out.append(UInt8(ascii: "\\"))
            out.append(byte)
        case 0x0A:
            out.append(UInt8(ascii: "\\"))
            out.append(UInt8(ascii: "n"))
        case 0x0D:
            out.append(UInt8(ascii: "\\"))
            out.append(UInt8(ascii: "r"))
        case 0x09:
            out.append(UInt8(ascii: "\\"))
            out.append(UInt8(ascii: "t"))
        case 0..<0x20:
            out.append(contentsOf: "\\u00".utf8)
            out.append(hexDigits[Int(byte >> 4)])
            out.append(hexDigits[Int(byte & 0x0F)])
        default:
            out.append(byte)
        }
    }
}
