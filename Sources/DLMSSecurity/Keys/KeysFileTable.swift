/// One table of a keys file as read: the top level, a `[table]` or one
/// element of an `[[array-of-tables]]`, with its `key = value` entries in order.
struct KeysFileTable: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        /// Entries before any header (TOML) or scalars at the top (JSON).
        case root
        /// `[name]`, or a JSON object member.
        case table
        /// `[[name]]`, or an object in a JSON array member.
        case arrayElement
    }

    struct Entry: Sendable, Hashable {
        var key: String
        var value: KeysFileValue
        /// The 1-based TOML line, nil for JSON.
        var line: Int?
    }

    var name: String
    var kind: Kind
    /// The header's 1-based TOML line, nil for JSON and the root.
    var line: Int?
    var entries: [Entry] = []

    /// The entry named `key`, if any.
    func entry(_ key: String) -> Entry? {
        entries.first { $0.key == key }
    }
}
