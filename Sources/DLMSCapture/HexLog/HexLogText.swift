import DLMSCore

/// Byte-level helpers for reading hex-log text without building `String`s.
enum HexLogText {
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0B || byte == 0x0C || byte == 0x0D || byte == 0x0A
    }

    static func isHexDigit(_ byte: UInt8) -> Bool { Hex.nibble(byte) != nil }

    static func isDecimalDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// Control characters that never occur in a text log (tab, form feed and line ends do).
    static func isBinary(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != 0x09 && byte != 0x0B && byte != 0x0C && byte != 0x0D && byte != 0x0A) || byte == 0x7F
    }

    /// The slice without leading and trailing whitespace.
    static func trimmed(_ text: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        guard let first = text.firstIndex(where: { !isWhitespace($0) }),
              let last = text.lastIndex(where: { !isWhitespace($0) })
        else { return text[text.endIndex...] }
        return text[first...last]
    }

    /// Whitespace-separated words, as slices of `text` (so their indices are columns in the line),
    /// found lazily.
    struct Words: Sequence, IteratorProtocol {
        private let text: ArraySlice<UInt8>
        private var index: Int

        init(_ text: ArraySlice<UInt8>) {
            self.text = text
            index = text.startIndex
        }

        mutating func next() -> ArraySlice<UInt8>? {
            while index < text.endIndex, isWhitespace(text[index]) { index += 1 }
            guard index < text.endIndex else { return nil }
            let start = index
            while index < text.endIndex, !isWhitespace(text[index]) { index += 1 }
            return text[start..<index]
        }
    }

    /// Case-insensitive comparison with an ASCII word.
    static func equals(_ text: ArraySlice<UInt8>, _ word: String) -> Bool {
        text.count == word.utf8.count && zip(text, word.utf8).allSatisfy { lowercased($0) == lowercased($1) }
    }

    static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }

    /// A decimal number of at most `maxDigits` digits (so that it cannot overflow).
    static func decimal(_ text: ArraySlice<UInt8>, maxDigits: Int = 18) -> Int? {
        guard !text.isEmpty, text.count <= maxDigits, text.allSatisfy(isDecimalDigit) else { return nil }
        return text.reduce(0) { $0 &* 10 &+ Int($1 &- UInt8(ascii: "0")) }
    }

    /// The character column of `index` in `line`: UTF-8 continuation bytes do not count.
    static func column(of index: Int, in line: ArraySlice<UInt8>) -> Int {
        let end = min(max(index, line.startIndex), line.endIndex)
        return line[line.startIndex..<end].reduce(0) { $1 & 0xC0 == 0x80 ? $0 : $0 &+ 1 }
    }

    /// At most `limit` characters of `line` from `index`, printable ASCII only (others become `.`),
    /// for quoting in a finding's message.
    static func excerpt(_ line: ArraySlice<UInt8>, from index: Int, limit: Int = 20) -> String {
        let start = min(max(index, line.startIndex), line.endIndex)
        let piece = line[start...].prefix(limit)
        var text = String(decoding: piece.map { $0 >= 0x20 && $0 < 0x7F ? $0 : UInt8(ascii: ".") }, as: UTF8.self)
        if piece.endIndex < line.endIndex { text += "..." }
        return text
    }
}
