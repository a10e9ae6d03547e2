import DLMSCore

/// Hex as keys files and flags write it: digits in either case, optionally
/// separated by spaces, tabs, `:` or `-` (`61:28:88:F5`, `6128 88f5`).
enum KeyHex {
    enum Parsed: Sendable, Hashable {
        case bytes([UInt8])
        /// A character that is neither a hex digit nor a separator.
        case notHex
        /// Hex digits that do not pair up into bytes; the digit count.
        case oddDigits(Int)
    }

    static func parse(_ text: String) -> Parsed {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count / 2)
        var high: UInt8?
        var digits = 0
        for character in text.utf8 {
            switch character {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: ":"), UInt8(ascii: "-"): continue
            default: break
            }
            guard let value = Hex.nibble(character) else { return .notHex }
            digits += 1
            if let pending = high {
                bytes.append(pending << 4 | value)
                high = nil
            } else {
                high = value
            }
        }
        return high == nil ? .bytes(bytes) : .oddDigits(digits)
    }
}
