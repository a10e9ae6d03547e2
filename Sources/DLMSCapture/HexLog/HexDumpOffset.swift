import DLMSCore

/// The offset column of a dump line, read in every radix its digits allow:
/// `hexdump -C` and Wireshark print hex, `od` octal by default, `od -A d`
/// decimal. Which one a block uses is decided from continuity.
struct HexDumpOffset: Hashable {
    enum Radix: Int, CaseIterable {
        case hex = 16
        case octal = 8
        case decimal = 10
    }

    /// The digits as written.
    var text: String
    var hex: Int?
    var octal: Int?
    var decimal: Int?

    /// Reads 1 to 16 digits; nil when they are no hex digits.
    init?(_ digits: ArraySlice<UInt8>) {
        guard (1...16).contains(digits.count) else { return nil }
        guard digits.allSatisfy(HexLogText.isHexDigit) else { return nil }
        hex = Self.value(digits, radix: 16)
        octal = Self.value(digits, radix: 8)
        decimal = Self.value(digits, radix: 10)
        text = String(decoding: digits, as: UTF8.self)
    }

    var isZero: Bool { hex == 0 }

    func value(in radix: Radix) -> Int? {
        switch radix {
        case .hex: hex
        case .octal: octal
        case .decimal: decimal
        }
    }

    /// The value of digits in a radix; nil for a digit outside it or an overflow.
    private static func value(_ digits: ArraySlice<UInt8>, radix: Int) -> Int? {
        var value = 0
        for character in digits {
            guard let nibble = Hex.nibble(character), Int(nibble) < radix else { return nil }
            let (shifted, overflow) = value.multipliedReportingOverflow(by: radix)
            let (sum, carry) = shifted.addingReportingOverflow(Int(nibble))
            guard !overflow, !carry else { return nil }
            value = sum
        }
        return value
    }
}
