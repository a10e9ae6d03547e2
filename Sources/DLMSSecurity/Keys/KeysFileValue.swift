/// A value as read from a keys file, before the schema checks it.
enum KeysFileValue: Sendable, Hashable {
    case string(String)
    case integer(Int64)
    case boolean(Bool)
    /// A JSON value with no TOML-subset counterpart (`"a float"`, `"an array"`).
    case unsupported(String)

    /// The value's kind with an article, for messages: `an integer`.
    var kind: String {
        switch self {
        case .string: "a string"
        case .integer: "an integer"
        case .boolean: "a boolean"
        case .unsupported(let kind): kind
        }
    }
}
