import DLMSCore

/// Scans one line (without its line break) of the TOML subset keys files use:
/// a blank line or comment, `[table]`, `[[array-of-tables]]`, or
/// `key = value` with a bare or quoted key and a basic or literal string, an
/// integer or a boolean. Everything else is a problem naming the construct.
struct TOMLLineScanner {
    private let bytes: ArraySlice<UInt8>
    private var index: Int

    init(_ line: ArraySlice<UInt8>) {
        bytes = line
        index = line.startIndex
    }

    /// Scans the whole line.
    mutating func scan() throws(KeysFileProblem) -> TOMLLine {
        skipWhitespace()
        guard let first = peek, first != UInt8(ascii: "#") else { return .blank }
        if first == UInt8(ascii: "[") {
            return try header()
        }
        let key = try self.key(what: "a key, a [table] or a [[table]]")
        skipWhitespace()
        if peek == UInt8(ascii: ".") {
            throw KeysFileProblem("dotted keys are not supported; write the field under its [table]")
        }
        guard consume(UInt8(ascii: "=")) else {
            throw KeysFileProblem("expected '=' after the key \(KeysFileError.quoted(key))")
        }
        skipWhitespace()
        let value: KeysFileValue
        do {
            value = try self.value()
            try expectEndOfLine(else: "has unexpected text after the value")
        } catch {
            throw KeysFileProblem(error.message, field: KeysFileError.fieldName(key))
        }
        return .keyValue(key, value)
    }

    // MARK: Headers

    private mutating func header() throws(KeysFileProblem) -> TOMLLine {
        index += 1
        let isArray = consume(UInt8(ascii: "["))
        skipWhitespace()
        let name = try key(what: "a table name")
        skipWhitespace()
        if peek == UInt8(ascii: ".") {
            throw KeysFileProblem("dotted table names are not supported")
        }
        guard consume(UInt8(ascii: "]")), !isArray || consume(UInt8(ascii: "]")) else {
            throw KeysFileProblem(isArray ? "expected ']]' to close the [[table]] header" : "expected ']' to close the [table] header")
        }
        try expectEndOfLine(else: "unexpected text after the table header")
        return isArray ? .arrayTable(name) : .table(name)
    }

    // MARK: Keys

    private mutating func key(what: String) throws(KeysFileProblem) -> String {
        switch peek {
        case UInt8(ascii: "\""):
            if isAtTripleQuote { throw KeysFileProblem("expected \(what)") }
            index += 1
            return try basicString()
        case UInt8(ascii: "'"):
            if isAtTripleQuote { throw KeysFileProblem("expected \(what)") }
            index += 1
            return try literalString()
        default:
            let start = index
            while let byte = peek, Self.isBareKeyCharacter(byte) { index += 1 }
            guard index > start else { throw KeysFileProblem("expected \(what)") }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }
    }

    private static func isBareKeyCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
            true
        default: false
        }
    }

    // MARK: Values

    private mutating func value() throws(KeysFileProblem) -> KeysFileValue {
        switch peek {
        case nil, UInt8(ascii: "#"):
            throw KeysFileProblem("has no value")
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            if isAtTripleQuote { throw KeysFileProblem("is a multi-line string, which is not supported") }
            let quote = peek
            index += 1
            return .string(try quote == UInt8(ascii: "\"") ? basicString() : literalString())
        case UInt8(ascii: "{"):
            throw KeysFileProblem("is an inline table, which is not supported; write the fields as lines under a [table]")
        case UInt8(ascii: "["):
            throw KeysFileProblem("is an array, which is not supported")
        default:
            let start = index
            while let byte = peek, !Self.isWhitespace(byte), byte != UInt8(ascii: "#") { index += 1 }
            return try TOMLBareValue.parse(String(decoding: bytes[start..<index], as: UTF8.self))
        }
    }

    /// The rest of a basic string, after its opening quote.
    private mutating func basicString() throws(KeysFileProblem) -> String {
        var text: [UInt8] = []
        while let byte = next() {
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: text, as: UTF8.self)
            case UInt8(ascii: "\\"):
                text += try escape()
            default:
                text.append(byte)
            }
        }
        throw KeysFileProblem("has an unterminated string (strings end on their line)")
    }

    /// The rest of a literal string, after its opening quote.
    private mutating func literalString() throws(KeysFileProblem) -> String {
        let start = index
        while let byte = next() {
            if byte == UInt8(ascii: "'") {
                return String(decoding: bytes[start..<(index - 1)], as: UTF8.self)
            }
        }
        throw KeysFileProblem("has an unterminated string (strings end on their line)")
    }

    /// One escape sequence, after its backslash: the UTF-8 bytes it stands for.
    private mutating func escape() throws(KeysFileProblem) -> [UInt8] {
        let invalid = KeysFileProblem("has an invalid escape sequence in a string")
        guard let byte = next() else { throw invalid }
        switch byte {
        case UInt8(ascii: "b"): return [0x08]
        case UInt8(ascii: "t"): return [0x09]
        case UInt8(ascii: "n"): return [0x0A]
        case UInt8(ascii: "f"): return [0x0C]
        case UInt8(ascii: "r"): return [0x0D]
        case UInt8(ascii: "\""): return [0x22]
        case UInt8(ascii: "\\"): return [0x5C]
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            var value: UInt32 = 0
            for _ in 0..<(byte == UInt8(ascii: "u") ? 4 : 8) {
                guard let digit = next().flatMap(Hex.nibble) else { throw invalid }
                value = value << 4 | UInt32(digit)  // widening
            }
            guard let scalar = Unicode.Scalar(value) else { throw invalid }
            return Array(String(Character(scalar)).utf8)
        default:
            throw invalid
        }
    }

    // MARK: Bytes

    private var peek: UInt8? { index < bytes.endIndex ? bytes[index] : nil }

    private var isAtTripleQuote: Bool {
        guard let quote = peek, index + 2 < bytes.endIndex else { return false }
        return bytes[index + 1] == quote && bytes[index + 2] == quote
    }

    private mutating func next() -> UInt8? {
        guard let byte = peek else { return nil }
        index += 1
        return byte
    }

    private mutating func consume(_ byte: UInt8) -> Bool {
        guard peek == byte else { return false }
        index += 1
        return true
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }

    private mutating func skipWhitespace() {
        while let byte = peek, Self.isWhitespace(byte) { index += 1 }
    }

    private mutating func expectEndOfLine(else problem: String) throws(KeysFileProblem) {
        skipWhitespace()
        guard peek == nil || peek == UInt8(ascii: "#") else {
            throw KeysFileProblem(problem)
        }
    }
}
