/// A keys file as read, TOML or JSON, before its fields are checked: the
/// top-level entries and every table in file order.
struct KeysFileDocument: Sendable, Hashable {
    var root = KeysFileTable(name: "", kind: .root)
    var tables: [KeysFileTable] = []

    /// The largest keys file read (1 MiB): a keys file is small, and anything
    /// bigger is a wrong file.
    static let maximumSize = 1 << 20

    /// Reads `bytes`: JSON when the first non-space character is `{`, TOML otherwise.
    static func read(_ bytes: [UInt8], file: String) throws(KeysFileError) -> KeysFileDocument {
        guard bytes.count <= maximumSize else {
            throw KeysFileError(file: file, problem: "is larger than 1 MiB; is this a keys file?")
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        let first = body.first { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) }
        if first == UInt8(ascii: "{") {
            return try json(body, file: file)
        }
        return try TOMLReader(file: file).read(body)
    }
}
