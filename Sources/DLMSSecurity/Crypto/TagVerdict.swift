/// What became of a protected APDU's authentication tag (the JSON
/// contract's `security.tag`).
public enum TagVerdict: String, Sendable, Hashable, CaseIterable {
    /// The tag was checked and holds: the content is authentic.
    case valid
    /// The tag was checked and fails: the content is not authentic (wrong
    /// key, wrong system title or IC, or tampering); any plaintext shown is
    /// unauthenticated.
    case invalid
    /// The policy authenticates but the tag could not be checked (the
    /// authentication key, or the encryption key GMAC needs, is not known).
    case unchecked
    /// The policy carries no tag (encryption only, or no protection).
    case absent
}
