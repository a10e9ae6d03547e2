import DLMSSecurity

/// The outcome of checking an HLS pass 3/4 reply (reply_to_HLS_authentication).
public struct HLSResult: Sendable, Hashable {
    /// The authentication mechanism (2 manufacturer, 3 MD5, 4 SHA-1, 5 GMAC, 6 SHA-256, 7 ECDSA).
    public var mechanism: Int
    public var result: HLSVerdict
    /// Why it is unchecked, or what failed.
    public var reason: String?

    public init(mechanism: Int, result: HLSVerdict, reason: String? = nil) {
        self.mechanism = mechanism
        self.result = result
        self.reason = reason
    }
}
