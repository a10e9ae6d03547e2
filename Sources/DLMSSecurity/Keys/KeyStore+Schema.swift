extension KeyStore {
    /// Checks a read keys file against the schema: a `[default]` table,
    /// `[[meter]]` and `[[client]]` entries each with a unique `system-title`.
    init(document: KeysFileDocument, file: String, baseDirectory: String) throws(KeysFileError) {
        self.init()
        if let first = document.root.entries.first {
            throw KeysFileError(
                file: file, line: first.line, field: KeysFileError.fieldName(first.key),
                problem: "is outside any table; put it under [default] or an entry"
            )
        }
        let reader = KeyEntryReader(file: file, baseDirectory: baseDirectory)
        var counts: [KeyRole: Int] = [:]
        var labels: [KeyRole: [[UInt8]: String]] = [:]
        for table in document.tables {
            let role = KeyRole(rawValue: table.name)
            switch (table.kind, table.name, role) {
            case (.table, "default", _):
                (defaultKeys, defaultClientSystemTitle, defaultServerSystemTitle) = try reader.readDefault(table)
            case (.arrayElement, _, let role?):
                let number = counts[role, default: 0] + 1
                counts[role] = number
                let (title, keys, label) = try reader.readEntry(table, role: role, number: number)
                if let first = labels[role]?[title] {
                    throw KeysFileError(
                        file: file, line: table.entry("system-title")?.line ?? table.line, entry: label,
                        field: "system-title", problem: "is already used by \(first)"
                    )
                }
                labels[role, default: [:]][title] = label
                switch role {
                case .meter: meters[title] = keys
                case .client: clients[title] = keys
                }
            case (.table, _, let role?):
                throw KeysFileError(
                    file: file, line: table.line,
                    problem: "[\(role.rawValue)] must be an array of tables: write [[\(role.rawValue)]], one per system title"
                )
            case (.arrayElement, "default", _):
                throw KeysFileError(file: file, line: table.line, problem: "write [default], not [[default]]")
            default:
                throw KeysFileError(
                    file: file, line: table.line,
                    problem: "unknown table \(KeysFileError.quoted(table.name)) (expected [default], [[meter]] or [[client]])"
                )
            }
        }
    }
}
