extension KeyStore {
    /// The keys for a sender of `role`: its entry (if `systemTitle` has one)
    /// merged over the default entry, and which entry that was.
    public func lookup(forSender systemTitle: [UInt8]?, role: KeyRole) -> KeyLookup {
        guard let systemTitle, let entry = entries(role)[systemTitle] else {
            return KeyLookup(keys: defaultKeys, entry: .default, entryKeys: nil)
        }
        let source: KeySource = role == .meter ? .meter(systemTitle) : .client(systemTitle)
        return KeyLookup(keys: entry.merged(over: defaultKeys), entry: source, entryKeys: entry)
    }

    /// The keys for a sender whose role is not known: its meter entry, else
    /// its client entry, else the default entry.
    public func lookup(forSender systemTitle: [UInt8]?) -> KeyLookup {
        if let systemTitle, clients[systemTitle] != nil, meters[systemTitle] == nil {
            return lookup(forSender: systemTitle, role: .client)
        }
        return lookup(forSender: systemTitle, role: .meter)
    }

    /// The keys for a sender of `role`, merged over the default entry.
    public func keys(forSender systemTitle: [UInt8]?, role: KeyRole) -> KeySet {
        lookup(forSender: systemTitle, role: role).keys
    }

    /// The keys for a sender whose role is not known (meters first, then clients).
    public func keys(forSender systemTitle: [UInt8]?) -> KeySet {
        lookup(forSender: systemTitle).keys
    }
}
