/// The answer to a key lookup: the merged keys and which entry answered.
public struct KeyLookup: Sendable, Hashable {
    /// The matching entry merged over the default entry.
    public var keys: KeySet
    /// The entry that matched the system title, or `.default` when none did.
    public var entry: KeySource
    /// The matching entry alone (before merging), nil when none matched.
    private var entryKeys: KeySet?

    public init(keys: KeySet, entry: KeySource, entryKeys: KeySet?) {
        self.keys = keys
        self.entry = entry
        self.entryKeys = entryKeys
    }

    /// Where `field`'s value came from: the matching entry when it sets the
    /// field, otherwise the default entry; nil when neither has it.
    public func source(of field: KeyField) -> KeySource? {
        if let entryKeys, entryKeys.has(field) { return entry }
        return keys.has(field) ? .default : nil
    }
}
