extension KeysFileError {
    /// A name from the file (an unknown field or table) quoted for a message:
    /// control characters escaped, long names cut, and a name that looks like
    /// key material (16 or more hex digits) not shown at all.
    static func quoted(_ name: String) -> String {
        if looksLikeKeyMaterial(name) { return "(a \(name.count)-character name)" }
        var text = ""
        for scalar in name.unicodeScalars.prefix(40) {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: text += "\\u{\(String(scalar.value, radix: 16))}"
            default: text.unicodeScalars.append(scalar)
            }
        }
        if name.unicodeScalars.count > 40 { text += "…" }
        return "\"\(text)\""
    }

    /// A key from the file as a field name: itself when it is a plain bare
    /// key, otherwise quoted.
    static func fieldName(_ key: String) -> String {
        let isBare = !key.isEmpty && key.count <= 40
            && key.utf8.allSatisfy { byte in
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                    UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
                    true
                default: false
                }
            }
        return isBare && !looksLikeKeyMaterial(key) ? key : quoted(key)
    }

    private static func looksLikeKeyMaterial(_ name: String) -> Bool {
        name.unicodeScalars.filter { $0.properties.isASCIIHexDigit }.count >= 16
    }
}
