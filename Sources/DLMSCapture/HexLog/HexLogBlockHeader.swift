import DLMSCore

/// The header of a bracketed logger block, as serial loggers write it:
/// `[2017-09-13 00.00.07.776 - Received 41 (0x29) bytes]`.
///
/// Inside the brackets: optional date and time words (any other words are
/// ignored), a direction word (`Received`, `Recv`, `RX` = server to client;
/// `Sent`, `Send`, `Transmitted`, `TX` = client to server), a decimal byte
/// count, an optional `(0x29)`, and the word `bytes` (or `byte`). Hex lines
/// follow until a blank line or the next header; text after the `]` is read
/// as the block's first hex.
struct HexLogBlockHeader {
    var timestamp: Timestamp?
    var direction: Direction
    /// The byte count the header announces (nil when it is too large to read).
    var announcedLength: Int?
    /// What follows the closing bracket on the header line.
    var rest: ArraySlice<UInt8>

    /// The longest header read, brackets included.
    static let maxLength = 200

    /// Parses a line without leading or trailing whitespace; nil when it is no block header.
    static func parse(_ line: ArraySlice<UInt8>) -> HexLogBlockHeader? {
        guard line.first == UInt8(ascii: "["),
              let close = line.prefix(maxLength).firstIndex(of: UInt8(ascii: "]"))
        else { return nil }
        let words = HexLogText.Words(line[(line.startIndex + 1)..<close]).map(HexLogDirection.stripPunctuation)
        guard words.count >= 3 else { return nil }
        for position in 0..<(words.count - 2) {
            guard let direction = HexLogDirection.parse(words[position]),
                  words[position + 1].allSatisfy(HexLogText.isDecimalDigit), !words[position + 1].isEmpty
            else { continue }
            let unit = words[(position + 2)...].prefix(2).last { isBytesWord($0) }
            guard unit != nil else { continue }
            return HexLogBlockHeader(
                timestamp: words[..<position].reduce(into: HexLogTimestamp.Collector()) { _ = $0.take($1) }.timestamp,
                direction: direction,
                announcedLength: HexLogText.decimal(words[position + 1]),
                rest: HexLogText.trimmed(line[(close + 1)...])
            )
        }
        return nil
    }

    private static func isBytesWord(_ word: ArraySlice<UInt8>) -> Bool {
        HexLogText.equals(word, "bytes") || HexLogText.equals(word, "byte")
    }
}
