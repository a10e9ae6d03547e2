import DLMSCore

/// A line of hex data, possibly after a prefix: `7EA027...`, `7e:a0:27`,
/// `kaifa 7EA0...`, `2017-09-12 12:00:01.123 RX: 7E A0 27 ...`.
///
/// The payload is the trailing run of hex tokens. Tokens are separated by
/// whitespace; inside a token, hex atoms may be joined by `:`, `-` or `,`, and
/// each atom may carry a `0x` prefix. Walking back from the end of the line, an
/// atom joins the payload while the run stays uniform: the atom before the last
/// one sets the width (2 for byte tokens, more for grouped or unseparated
/// hex), every earlier atom must have exactly that width and the last atom may
/// be shorter; all have an even number of digits. So `cafe 7EA0...`,
/// `add 7E A0` and `1234 7E A0` keep `cafe`, `add` and `1234` as prefix
/// words, while a two-digit word such as `12 7E A0` is read as payload (it
/// cannot be told from a byte). Further rules:
/// - a whole token that reads as a date, time or zone (`12:00:01`,
///   `2017-09-12`) ends the run, so a time never becomes payload;
/// - only the last token of the line, or one whose remaining text is a
///   direction word (`RX:7e a0`), may be split between prefix and payload;
/// - a `#` or `//` after whitespace starts a trailing comment.
/// The prefix may hold a date and time, a zone, a direction word and at most
/// `maxLabelWords` other words (labels such as `kaifa` or `aidon:no_list_1`,
/// sequence numbers, log levels); more than that, and the line is not
/// understood. A `=` before any hex token (times aside) marks a `key=value`
/// line (`EK=0011...`, `AK = D0 D1`), which is skipped.
struct HexDataLine {
    var bytes: [UInt8]
    var timestamp: Timestamp?
    var direction: Direction
    /// Whether anything (label, time, direction) came before the hex payload.
    var hasPrefix: Bool

    enum Parsed {
        case data(HexDataLine)
        /// A `key=value` line such as `EK=0011...`: not data, not a problem.
        case keyValue
        case unparsed(index: Int, reason: String)
    }

    static let maxLabelWords = 5

    /// Parses a line without leading or trailing whitespace.
    static func parse(_ line: ArraySlice<UInt8>) -> Parsed {
        let content = withoutTrailingComment(line)
        if isKeyValue(content) { return .keyValue }
        guard let runStart = payloadStart(content) else {
            let (index, reason) = missingPayload(content)
            return .unparsed(index: index, reason: reason)
        }
        let prefix = content[content.startIndex..<runStart]

        var clock = HexLogTimestamp.Collector()
        var direction = Direction.unknown
        var labels = 0
        for word in HexLogText.Words(prefix) {
            let stripped = HexLogDirection.stripPunctuation(word)
            if let stated = HexLogDirection.parse(stripped) {
                if direction == .unknown { direction = stated }
                continue
            }
            guard stripped.contains(where: { !isPunctuation($0) }) else { continue }
            guard !clock.take(stripped) else { continue }
            labels += 1
            if labels > maxLabelWords {
                return .unparsed(index: word.startIndex, reason: "too many words before the hex data")
            }
        }
        return .data(HexDataLine(
            bytes: decode(content[runStart...]),
            timestamp: clock.timestamp,
            direction: direction,
            hasPrefix: runStart > content.startIndex
        ))
    }

    /// The line up to a trailing `#` or `//` comment, without trailing whitespace.
    private static func withoutTrailingComment(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var index = line.startIndex
        while index < line.endIndex {
            if HexLogText.isWhitespace(line[index]), index + 1 < line.endIndex {
                let next = line[index + 1]
                if next == UInt8(ascii: "#")
                    || (next == UInt8(ascii: "/") && index + 2 < line.endIndex && line[index + 2] == UInt8(ascii: "/")) {
                    return HexLogText.trimmed(line[line.startIndex..<index])
                }
            }
            index += 1
        }
        return line
    }

    /// Whether a `=` comes before any hex token (`EK=0011...`, `AK = D0 D1`, `meter=kaifa 7EA0`).
    private static func isKeyValue(_ content: ArraySlice<UInt8>) -> Bool {
        guard content.contains(UInt8(ascii: "=")) else { return false }
        for word in HexLogText.Words(content) {
            if word.contains(UInt8(ascii: "=")) { return true }
            if HexLogTimestamp.parse(HexLogDirection.stripPunctuation(word)) == nil, isHexToken(word) { return false }
        }
        return false
    }

    /// A whitespace token made only of even-length hex atoms (`7E`, `0x7e,`, `7e:a0`).
    private static func isHexToken(_ token: ArraySlice<UInt8>) -> Bool {
        var rest = token
        if rest.last == UInt8(ascii: ",") { rest = rest.dropLast() }
        return rest.split(omittingEmptySubsequences: false, whereSeparator: isAtomSeparator)
            .allSatisfy { atom in hexDigits(atom).map { $0 % 2 == 0 } ?? false }
    }

    private static func isPunctuation(_ byte: UInt8) -> Bool {
        "-|=<>*~.#".utf8.contains(byte)
    }

    static func isAtomSeparator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ":") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ",")
    }

    /// The number of hex digits of an atom (after an optional `0x`), or nil when it is no hex atom.
    private static func hexDigits(_ atom: ArraySlice<UInt8>) -> Int? {
        var digits = atom
        if digits.count > 2, digits.first == UInt8(ascii: "0"), HexLogText.lowercased(digits[digits.startIndex + 1]) == UInt8(ascii: "x") {
            digits = digits.dropFirst(2)
        }
        guard !digits.isEmpty, digits.allSatisfy(HexLogText.isHexDigit) else { return nil }
        return digits.count
    }

    /// Checks the uniformity of a run of atoms read from right to left.
    private struct Uniformity {
        var count = 0
        var lastWidth = 0
        var width = 0

        mutating func accept(_ digits: Int) -> Bool {
            guard digits >= 2, digits % 2 == 0 else { return false }
            switch count {
            case 0: lastWidth = digits
            case 1:
                guard digits >= lastWidth else { return false }
                width = digits
            default:
                guard digits == width else { return false }
            }
            count += 1
            return true
        }
    }

    /// Where the trailing hex run starts, or nil when the line ends in no hex.
    private static func payloadStart(_ content: ArraySlice<UInt8>) -> Int? {
        var uniformity = Uniformity()
        var runStart: Int?
        var end = content.endIndex
        var tokensTaken = 0
        while true {
            while end > content.startIndex, HexLogText.isWhitespace(content[end - 1]) { end -= 1 }
            guard end > content.startIndex else { break }
            var start = end
            while start > content.startIndex, !HexLogText.isWhitespace(content[start - 1]) { start -= 1 }
            var token = content[start..<end]
            end = start
            if token.count > 1, token.last == UInt8(ascii: ",") { token = token.dropLast() } // `0x7e, 0xa0,`
            if HexLogTimestamp.parse(token) != nil { break }

            let saved = uniformity
            var taken: Int?
            var atomEnd = token.endIndex
            var whole = false
            while true {
                var atomStart = atomEnd
                while atomStart > token.startIndex, !isAtomSeparator(content[atomStart - 1]) { atomStart -= 1 }
                guard let digits = hexDigits(content[atomStart..<atomEnd]), uniformity.accept(digits) else { break }
                taken = atomStart
                if atomStart == token.startIndex {
                    whole = true
                    break
                }
                atomEnd = atomStart - 1
            }
            if whole {
                runStart = token.startIndex
                tokensTaken += 1
                continue
            }
            if let taken, tokensTaken == 0
                || HexLogDirection.parse(HexLogDirection.stripPunctuation(content[token.startIndex..<taken])) != nil {
                runStart = taken
            } else {
                uniformity = saved
            }
            break
        }
        return runStart
    }

    /// Where and why a line without a trailing hex run fails.
    private static func missingPayload(_ content: ArraySlice<UInt8>) -> (Int, String) {
        let tokenStart = content.lastIndex(where: HexLogText.isWhitespace).map { $0 + 1 } ?? content.startIndex
        guard tokenStart < content.endIndex else { return (content.startIndex, "no hex data") }
        let token = content[tokenStart...]
        if HexLogTimestamp.parse(token) != nil { return (token.startIndex, "no hex data after the time") }
        let atomStart = (token.lastIndex(where: isAtomSeparator) ?? token.startIndex - 1) + 1
        var atom = content[atomStart..<token.endIndex]
        guard !atom.isEmpty else { return (token.endIndex - 1, "no hex digits after the separator") }
        if atom.count > 2, atom.first == UInt8(ascii: "0"), HexLogText.lowercased(atom[atom.startIndex + 1]) == UInt8(ascii: "x") {
            atom = atom.dropFirst(2)
        }
        if let bad = atom.firstIndex(where: { !HexLogText.isHexDigit($0) }) {
            return (bad, "not a hex digit at the end of the line")
        }
        return (atom.startIndex, "odd number of hex digits")
    }

    /// The bytes of a validated hex run (separators and `0x` prefixes skipped).
    static func decode(_ run: ArraySlice<UInt8>) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(run.count / 2)
        var high: UInt8?
        var atAtomStart = true
        var index = run.startIndex
        while index < run.endIndex {
            let character = run[index]
            if HexLogText.isWhitespace(character) || isAtomSeparator(character) {
                atAtomStart = true
                index += 1
                continue
            }
            if atAtomStart, character == UInt8(ascii: "0"), index + 1 < run.endIndex,
               HexLogText.lowercased(run[index + 1]) == UInt8(ascii: "x") {
                atAtomStart = false
                index += 2
                continue
            }
            atAtomStart = false
            if let value = Hex.nibble(character) {
                if let pending = high {
                    bytes.append(pending << 4 | value)
                    high = nil
                } else {
                    high = value
                }
            }
            index += 1
        }
        return bytes
    }
}
