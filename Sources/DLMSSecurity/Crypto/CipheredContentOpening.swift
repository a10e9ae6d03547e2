/// The result of opening a protected APDU's content (`CipheredContentOpener`).
///
/// `plaintext` is present whenever it could be obtained, also when the tag
/// fails: then `tag` is `.invalid` and the plaintext must be shown as
/// unauthenticated, never as trusted (`isAuthentic` is the only "trusted").
public struct CipheredContentOpening: Sendable, Hashable {
    /// The plaintext APDU; nil when the policy encrypts and no encryption
    /// key was given.
    public var plaintext: [UInt8]?
    /// The verdict on the tag.
    public var tag: TagVerdict
    /// How the system title was made into the IV's 8 bytes (`.none` when it
    /// was 8 bytes, or when no IV was needed).
    public var systemTitleAdjustment: SystemTitleAdjustment

    public init(plaintext: [UInt8]?, tag: TagVerdict, systemTitleAdjustment: SystemTitleAdjustment = .none) {
        self.plaintext = plaintext
        self.tag = tag
        self.systemTitleAdjustment = systemTitleAdjustment
    }

    /// Whether the plaintext was obtained (the JSON contract's `security.decrypted`).
    public var isOpened: Bool { plaintext != nil }

    /// Whether the tag verified: the plaintext is what the key holder sent.
    public var isAuthentic: Bool { tag == .valid }
}
