import DLMSCore

/// An unquoted TOML value: an integer (decimal, `0x`, `0o`, `0b`, with
/// underscores between digits) or a boolean. Floats, dates and bare words are
/// problems that say which they are.
enum TOMLBareValue {
    static func parse(_ token: String) throws(KeysFileProblem) -> KeysFileValue {
        switch token {
        case "true": return .boolean(true)
        case "false": return .boolean(false)
        default: break
        }
        if let integer = try integer(token) { return .integer(integer) }
        if isDateOrTime(token) { throw KeysFileProblem("is a date or time, which is not supported") }
        if isFloat(token) { throw KeysFileProblem("is a float, which is not supported (quote text: key = \"...\")") }
        throw KeysFileProblem("is not quoted (write key = \"value\")")
    }

    /// The integer `token` spells, nil when it spells none.
    private static func integer(_ token: String) throws(KeysFileProblem) -> Int64? {
        let characters = Array(token.utf8)
        var digits = characters[...]
        var radix: Int64 = 10
        var negative = false
        if characters.count > 2, characters[0] == UInt8(ascii: "0") {
            switch characters[1] {
            case UInt8(ascii: "x"): radix = 16
            case UInt8(ascii: "o"): radix = 8
            case UInt8(ascii: "b"): radix = 2
            default: break
            }
            if radix != 10 { digits = characters.dropFirst(2) }
        }
        if radix == 10, let sign = digits.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            negative = sign == UInt8(ascii: "-")
            digits = digits.dropFirst()
        }
        guard let values = digitValues(digits, radix: radix) else { return nil }
        if radix == 10, values.count > 1, values.first == 0 {
            throw KeysFileProblem("is an integer with leading zeros, which TOML does not allow")
        }
        var value: Int64 = 0
        for digit in values {
            let (shifted, overflow) = value.multipliedReportingOverflow(by: radix)
            let (sum, carry) = negative ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
            guard !overflow, !carry else { throw KeysFileProblem("is an integer out of range") }
            value = sum
        }
        return value
    }

    /// The digits' values, underscores (each between two digits) dropped;
    /// nil when anything else is in the way.
    private static func digitValues(_ characters: ArraySlice<UInt8>, radix: Int64) -> [Int64]? {
        var values: [Int64] = []
        var previousWasDigit = false
        for character in characters {
            if character == UInt8(ascii: "_") {
                guard previousWasDigit else { return nil }
                previousWasDigit = false
                continue
            }
            guard let value = Hex.nibble(character).map(Int64.init), value < radix else { return nil }
            values.append(value)
            previousWasDigit = true
        }
        return previousWasDigit ? values : nil
    }

    private static func isDateOrTime(_ token: String) -> Bool {
        let characters = Array(token.utf8)
        if characters.contains(UInt8(ascii: ":")) { return true }
        return characters.count >= 5 && characters.prefix(4).allSatisfy(isDigit) && characters[4] == UInt8(ascii: "-")
    }

    private static func isFloat(_ token: String) -> Bool {
        var text = Substring(token)
        if let sign = text.first, sign == "+" || sign == "-" { text = text.dropFirst() }
        if text == "inf" || text == "nan" { return true }
        let parts = text.split(separator: "e", maxSplits: 1, omittingEmptySubsequences: false)
            .flatMap { $0.split(separator: "E", maxSplits: 1, omittingEmptySubsequences: false) }
        guard parts.count <= 2, let mantissa = parts.first else { return false }
        let pieces = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        guard pieces.count <= 2, pieces.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { isDigit($0) || $0 == UInt8(ascii: "_") } })
        else { return false }
        guard pieces.count == 2 || parts.count == 2 else { return false }
        if parts.count == 2 {
            var exponent = parts[1]
            if let sign = exponent.first, sign == "+" || sign == "-" { exponent = exponent.dropFirst() }
            return !exponent.isEmpty && exponent.utf8.allSatisfy(isDigit)
        }
        return true
    }

    private static func isDigit(_ character: UInt8) -> Bool {
        character >= UInt8(ascii: "0") && character <= UInt8(ascii: "9")
    }
}
