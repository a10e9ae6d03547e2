import DLMSCore

/// Checks one table of a keys file against the schema and turns it into a
/// `KeySet`. Every problem names the file, line, entry and field, never a value.
struct KeyEntryReader {
    let file: String
    /// The keys file's directory, against which relative paths resolve.
    let baseDirectory: String

    /// The fields a table may hold, for suggestions when one is misspelt.
    static let knownFields = ["system-title", "name", "ek", "ak", "bk", "dk", "kek"]
        + ["hls-secret", "hls-secret-hex", "password", "password-hex"]
        + ["agreement-key", "signing-key", "agreement-public-key", "signing-public-key", "certificate"]
        + ["client-system-title", "server-system-title"]

    /// The `[default]` table: its keys and the default system titles.
    func readDefault(_ table: KeysFileTable) throws(KeysFileError) -> (keys: KeySet, client: [UInt8]?, server: [UInt8]?) {
        try readFields(table, label: "[default]", isDefault: true)
    }

    /// The `number`th (1-based) `[[meter]]` or `[[client]]` table: its system
    /// title, its keys, and the label that names it in messages.
    func readEntry(
        _ table: KeysFileTable, role: KeyRole, number: Int
    ) throws(KeysFileError) -> (title: [UInt8], keys: KeySet, label: String) {
        var label = "[[\(role.rawValue)]] #\(number)"
        guard let titleEntry = table.entry("system-title") else {
            throw KeysFileError(file: file, line: table.line, entry: label, field: "system-title", problem: "is missing")
        }
        let title = try parse(titleEntry, in: table, label: label, KeyValueParser.systemTitle)
        label += " (system-title \(Hex.encode(title)))"
        let keys = try readFields(table, label: label, isDefault: false).keys
        return (title, keys, label)
    }

    /// Every field of `table` but an entry's `system-title`, in file order.
    private func readFields(
        _ table: KeysFileTable, label: String, isDefault: Bool
    ) throws(KeysFileError) -> (keys: KeySet, client: [UInt8]?, server: [UInt8]?) {
        var keys = KeySet()
        var client: [UInt8]?
        var server: [UInt8]?
        let base = baseDirectory
        for entry in table.entries {
            switch entry.key {
            case "system-title" where isDefault:
                throw error(
                    entry, in: table, label: label,
                    "belongs in a [[meter]] or [[client]] entry (in [default], write client-system-title or server-system-title)"
                )
            case "system-title":
                continue
            case "client-system-title" where !isDefault, "server-system-title" where !isDefault:
                throw error(entry, in: table, label: label, "belongs in [default]")
            case "client-system-title": client = try parse(entry, in: table, label: label, KeyValueParser.systemTitle)
            case "server-system-title": server = try parse(entry, in: table, label: label, KeyValueParser.systemTitle)
            case "name": keys.name = try text(entry, in: table, label: label)
            case "ek": keys.ek = try parse(entry, in: table, label: label, KeyValueParser.symmetricKey)
            case "ak": keys.ak = try parse(entry, in: table, label: label, KeyValueParser.symmetricKey)
            case "bk": keys.bk = try parse(entry, in: table, label: label, KeyValueParser.symmetricKey)
            case "dk": keys.dk = try parse(entry, in: table, label: label, KeyValueParser.symmetricKey)
            case "kek": keys.kek = try parse(entry, in: table, label: label, KeyValueParser.symmetricKey)
            case "hls-secret", "hls-secret-hex":
                try checkSingle(entry, of: ["hls-secret", "hls-secret-hex"], in: table, label: label)
                let parser = entry.key == "hls-secret" ? KeyValueParser.textSecret : KeyValueParser.hexSecret
                keys.hlsSecret = try parse(entry, in: table, label: label, parser)
            case "password", "password-hex":
                try checkSingle(entry, of: ["password", "password-hex"], in: table, label: label)
                let parser = entry.key == "password" ? KeyValueParser.textSecret : KeyValueParser.hexSecret
                keys.password = try parse(entry, in: table, label: label, parser)
            case "agreement-key":
                keys.agreementKey = try parse(entry, in: table, label: label) { (text) throws(KeysFileProblem) in
                    try KeyValueParser.privateKey(text, base: base)
                }
            case "signing-key":
                keys.signingKey = try parse(entry, in: table, label: label) { (text) throws(KeysFileProblem) in
                    try KeyValueParser.privateKey(text, base: base)
                }
            case "agreement-public-key":
                keys.agreementPublicKey = try parse(entry, in: table, label: label) { (text) throws(KeysFileProblem) in
                    try KeyValueParser.publicKey(text, base: base)
                }
            case "signing-public-key":
                keys.signingPublicKey = try parse(entry, in: table, label: label) { (text) throws(KeysFileProblem) in
                    try KeyValueParser.publicKey(text, base: base)
                }
            case "certificate":
                keys.certificate = try parse(entry, in: table, label: label) { (text) throws(KeysFileProblem) in
                    try KeyValueParser.path(text, base: base)
                }
            default:
                throw KeysFileError(
                    file: file, line: entry.line ?? table.line, entry: label,
                    problem: "unknown field \(KeysFileError.quoted(entry.key))\(suggestion(for: entry.key))"
                )
            }
        }
        return (keys, client, server)
    }

    // MARK: Values

    private func text(_ entry: KeysFileTable.Entry, in table: KeysFileTable, label: String) throws(KeysFileError) -> String {
        guard case .string(let text) = entry.value else {
            throw error(entry, in: table, label: label, "must be a string, found \(entry.value.kind)")
        }
        return text
    }

    private func parse<Value>(
        _ entry: KeysFileTable.Entry, in table: KeysFileTable, label: String,
        _ parser: (String) throws(KeysFileProblem) -> Value
    ) throws(KeysFileError) -> Value {
        let text = try text(entry, in: table, label: label)
        do {
            return try parser(text)
        } catch {
            throw self.error(entry, in: table, label: label, error.message)
        }
    }

    /// Rejects `entry` when another of `alternatives` (one value two ways) is also given.
    private func checkSingle(
        _ entry: KeysFileTable.Entry, of alternatives: [String], in table: KeysFileTable, label: String
    ) throws(KeysFileError) {
        guard let other = alternatives.first(where: { $0 != entry.key && table.entry($0) != nil }) else { return }
        throw error(entry, in: table, label: label, "is given together with \(other); keep one")
    }

    private func error(_ entry: KeysFileTable.Entry, in table: KeysFileTable, label: String, _ problem: String) -> KeysFileError {
        KeysFileError(
            file: file, line: entry.line ?? table.line, entry: label, field: KeysFileError.fieldName(entry.key), problem: problem
        )
    }

    /// ` (did you mean "ek"?)` when a known field is one or two edits away.
    private func suggestion(for key: String) -> String {
        let candidates = Self.knownFields.map { ($0, Self.editDistance(key.lowercased(), $0)) }
        guard let best = candidates.min(by: { $0.1 < $1.1 }), best.1 <= 2, best.1 < key.count else { return "" }
        return " (did you mean \"\(best.0)\"?)"
    }

    private static func editDistance(_ lhs: String, _ rhs: String) -> Int {
        let a = Array(lhs.utf8.prefix(64))
        let b = Array(rhs.utf8)
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            previous = current
        }
        return previous[b.count]
    }
}
