import DLMSCore

/// What a Security setup (class 64) method invocation or its answer meant
/// (Blue Book, Security setup version 1; spec-notes §4.5): the method by
/// name and what it carried — keys transferred (never their values: their
/// ids, sizes and whether they unwrapped), certificates and certification
/// requests by their contents, key pairs by type. The record's
/// `securitySetup` object.
public struct SecuritySetupEvent: Sendable, Hashable {
    /// `security-activate`, `key-transfer`, `key-agreement`, `generate-key-pair`,
    /// `generate-certificate-request`, `import-certificate`, `export-certificate`,
    /// `remove-certificate`.
    public var method: String
    /// Whether this is the method's invocation or its answer.
    public var isResponse: Bool
    /// What the method carried, as fields (JSON members, XML comments, text).
    public var details: [Field]

    public init(method: String, isResponse: Bool, details: [Field] = []) {
        self.method = method
        self.isResponse = isResponse
        self.details = details
    }
}
