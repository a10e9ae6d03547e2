import DLMSAnalysis
import DLMSCore

// A Security setup method's meaning: the JSON `securitySetup` object, and one
// line for XML comments and text.
extension SecuritySetupEvent {
    var jsonFields: [Field] {
        [.text("method", method), .boolean("response", isResponse)] + details
    }

    /// `key-transfer: key {keyId global-unicast-encryption-key, wrappedLength 24, unwrap valid}`.
    var line: String {
        method + (isResponse ? " (answer)" : "") + (details.isEmpty ? "" : ": " + details.map(Self.text).joined(separator: ", "))
    }

    private static func text(_ field: Field) -> String {
        "\(field.name) \(text(field.value))"
    }

    private static func text(_ value: Field.Value) -> String {
        switch value {
        case .integer(let number): String(number)
        case .unsigned(let number): String(number)
        case .float(let number): String(number)
        case .boolean(let flag): String(flag)
        case .text(let text): text
        case .bytes(let bytes): Hex.encode(bytes)
        case .fields(let fields): "{" + fields.map(text).joined(separator: ", ") + "}"
        case .list(let values): "[" + values.map(text).joined(separator: ", ") + "]"
        case .null: "null"
        // Never produced for security-setup events; shown as the JSON it is.
        case .json(let bytes): String(decoding: bytes, as: UTF8.self)
        }
    }
}
