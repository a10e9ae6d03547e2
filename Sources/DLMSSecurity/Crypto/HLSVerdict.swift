/// The outcome of checking an HLS pass 3 or pass 4 response (the JSON
/// contract's `hls.result`).
public enum HLSVerdict: String, Sendable, Hashable, CaseIterable {
    /// The response is what the secret (or keys) and the challenge give.
    case valid
    /// It is not: a wrong secret or key, or a forged or damaged response.
    case invalid
    /// It could not be checked: a secret, key, title or challenge is not
    /// known, or the mechanism is not one this stage computes (2: the
    /// manufacturer's own; 7, ECDSA, is checked with the suite 1/2 keys).
    case unchecked
}
