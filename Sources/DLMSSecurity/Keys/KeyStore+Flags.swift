extension KeyStore {
    /// Puts the command-line key flags over the default entry (a flag wins
    /// over the file's `[default]`; a `[[meter]]`/`[[client]]` entry's own
    /// fields still win for that party), and remembers the system-title flags
    /// as the titles to use when the traffic does not reveal them.
    ///
    /// - Throws: `KeysFileError` naming the first bad flag, never its value.
    public mutating func apply(_ flags: KeyFlags) throws(KeysFileError) {
        var keys = defaultKeys
        if let text = flags.ek { keys.ek = try Self.flag("--ek", text, KeyValueParser.symmetricKey) }
        if let text = flags.ak { keys.ak = try Self.flag("--ak", text, KeyValueParser.symmetricKey) }
        if let text = flags.bk { keys.bk = try Self.flag("--bk", text, KeyValueParser.symmetricKey) }
        if let text = flags.dk { keys.dk = try Self.flag("--dk", text, KeyValueParser.symmetricKey) }
        if let text = flags.password { keys.password = try Self.flag("--password", text, KeyValueParser.textSecret) }
        if let text = flags.hlsSecret { keys.hlsSecret = try Self.flag("--hls-secret", text, KeyValueParser.textSecret) }
        var client = defaultClientSystemTitle
        var server = defaultServerSystemTitle
        if let text = flags.clientSystemTitle {
            client = try Self.flag("--client-system-title", text, KeyValueParser.systemTitle)
        }
        if let text = flags.serverSystemTitle {
            server = try Self.flag("--server-system-title", text, KeyValueParser.systemTitle)
        }
        defaultKeys = keys
        defaultClientSystemTitle = client
        defaultServerSystemTitle = server
    }

    /// This store with the key flags applied (see `apply(_:)`).
    public func applying(_ flags: KeyFlags) throws(KeysFileError) -> KeyStore {
        var store = self
        try store.apply(flags)
        return store
    }

    private static func flag<Value>(
        _ name: String, _ text: String, _ parser: (String) throws(KeysFileProblem) -> Value
    ) throws(KeysFileError) -> Value {
        do {
            return try parser(text)
        } catch {
            throw KeysFileError.flag(name, error.message)
        }
    }
}
