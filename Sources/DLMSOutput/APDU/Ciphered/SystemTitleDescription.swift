import DLMSCore

/// What a system title says (Green Book, system title): 8 bytes, the first
/// three the manufacturer's three-letter FLAG id in ASCII, the other five
/// chosen by the manufacturer (tools show them as a serial number).
enum SystemTitleDescription {
    /// The manufacturer id when the first three bytes are upper-case letters.
    static func manufacturer(_ title: [UInt8]) -> String? {
        guard title.count >= 3, title.prefix(3).allSatisfy({ (0x41...0x5A).contains($0) }) else { return nil }
        return String(decoding: title.prefix(3), as: UTF8.self)
    }

    /// The last five bytes of an 8-byte title as a number.
    static func serialNumber(_ title: [UInt8]) -> UInt64? {
        guard title.count == 8 else { return nil }
        return title.suffix(5).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    }

    /// "system title 4D4D4D0000BC614E: manufacturer MMM, serial number 12345678".
    static func comment(_ title: [UInt8], role: String = "system title") -> String {
        guard !title.isEmpty else { return "\(role) empty: the one known from the association applies" }
        var text = "\(role) \(Hex.encode(title))"
        var parts: [String] = []
        if let manufacturer = manufacturer(title) { parts.append("manufacturer \(manufacturer)") }
        if let serial = serialNumber(title) { parts.append("serial number \(serial)") }
        if title.count != 8 { parts.append("\(title.count) bytes, not 8") }
        if !parts.isEmpty { text += ": " + parts.joined(separator: ", ") }
        return text
    }

    /// `systemTitle` (hex) and, when recognisable, `<name>Manufacturer`.
    static func jsonFields(_ name: String, _ title: [UInt8]) -> [Field] {
        var fields: [Field] = [.bytes(name, title)]
        if let manufacturer = manufacturer(title) { fields.append(.text(name + "Manufacturer", manufacturer)) }
        return fields
    }
}
