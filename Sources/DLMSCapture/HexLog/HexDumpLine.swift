import DLMSCore

/// One offset-prefixed line of a dump: `hexdump -C`, `od -t x1`, `od -A x -t x1z`,
/// `hexdump`/`od -x` (16-bit words), `xxd`, and Wireshark's "Hex Dump".
///
/// The hex area follows the offset and ends at the end of the line, at a `|`
/// (`hexdump -C`) or `>` (`od ... z`) that opens the text column, or at a gap
/// of three or more spaces after the first token (Wireshark), two for `xxd`.
/// Tokens are all 2 digits (bytes) or all 4 (16-bit words in little-endian
/// host order, `a07e` = bytes 7e a0; only after offsets of 6 or more digits,
/// so that `7EA0 2701` stays a plain hex line); `xxd` groups are in file order.
struct HexDumpLine {
    enum Style: Hashable {
        case bytes
        case littleEndianWords
        /// `xxd`: offset ends with `:`, groups of any even width in file order.
        case xxd
    }

    enum Parsed {
        /// Not shaped like a dump line at all.
        case notDump
        /// An offset alone: the end of a `hexdump`/`od` dump (or a short plain hex line).
        case offsetOnly(HexDumpOffset)
        case line(HexDumpLine)
        /// Shaped like a dump line, but with a bad token after at least two good ones.
        case malformed(offset: HexDumpOffset, index: Int, reason: String)
    }

    var offset: HexDumpOffset
    var bytes: [UInt8]
    var style: Style
    /// Digits in the offset column (`hexdump -C` 8, `od` 7, `od -A x` 6, Wireshark 4).
    var offsetDigits: Int
    /// Whether a delimited text column (`|...|`, `>...<`) follows the hex area.
    var hasTextColumn: Bool

    /// Parses a line without leading or trailing whitespace.
    static func parse(_ line: ArraySlice<UInt8>) -> Parsed {
        var index = line.startIndex
        while index < line.endIndex, HexLogText.isHexDigit(line[index]) { index += 1 }
        let digits = line[line.startIndex..<index]
        guard (4...16).contains(digits.count), let offset = HexDumpOffset(digits) else { return .notDump }
        guard index < line.endIndex else { return .offsetOnly(offset) }
        var isXXD = false
        if line[index] == UInt8(ascii: ":") {
            isXXD = true
            index += 1
        }
        guard index < line.endIndex, HexLogText.isWhitespace(line[index]) else { return .notDump }

        var style: Style?
        var width = 0
        var bytes: [UInt8] = []
        var tokens = 0
        var hasTextColumn = false
        while index < line.endIndex {
            let gapStart = index
            while index < line.endIndex, HexLogText.isWhitespace(line[index]) { index += 1 }
            guard index < line.endIndex else { break }
            let gap = index - gapStart
            if line[index] == UInt8(ascii: "|") || line[index] == UInt8(ascii: ">") {
                guard tokens > 0 else { return .notDump }
                hasTextColumn = true
                break
            }
            if tokens > 0, gap >= (isXXD ? 2 : 3) { break }
            let tokenStart = index
            while index < line.endIndex, !HexLogText.isWhitespace(line[index]) { index += 1 }
            let token = line[tokenStart..<index]
            let tokenStyle = Self.style(of: token, isXXD: isXXD, offsetDigits: digits.count)
            if let tokenStyle, tokens == 0 {
                style = tokenStyle
                width = token.count
            }
            let fits = tokenStyle != nil && tokenStyle == style
                && (isXXD ? token.count <= width : token.count == width)
            guard fits else {
                if tokens > 0, gap >= 2 { break } // a text column after a double space
                guard tokens >= 2 else { return .notDump }
                let bad = token.firstIndex(where: { !HexLogText.isHexDigit($0) }) ?? tokenStart
                return .malformed(offset: offset, index: bad, reason: "bad token in a hex dump line")
            }
            append(token, style: tokenStyle ?? .bytes, to: &bytes)
            tokens += 1
        }
        guard let style, tokens > 0 else { return .notDump }
        return .line(HexDumpLine(
            offset: offset, bytes: bytes, style: style, offsetDigits: digits.count, hasTextColumn: hasTextColumn
        ))
    }

    private static func style(of token: ArraySlice<UInt8>, isXXD: Bool, offsetDigits: Int) -> Style? {
        guard token.count >= 2, token.count % 2 == 0, token.allSatisfy(HexLogText.isHexDigit) else { return nil }
        if isXXD { return .xxd }
        if token.count == 2 { return .bytes }
        if token.count == 4, offsetDigits >= 6 { return .littleEndianWords }
        return nil
    }

    private static func append(_ token: ArraySlice<UInt8>, style: Style, to bytes: inout [UInt8]) {
        let start = bytes.count
        var index = token.startIndex
        while index + 1 < token.endIndex {
            let high = Hex.nibble(token[index]) ?? 0
            let low = Hex.nibble(token[index + 1]) ?? 0
            bytes.append(high << 4 | low)
            index += 2
        }
        if style == .littleEndianWords { bytes[start...].reverse() }
    }
}
