import DLMSSecurity

/// The outcome of checking an HLS pass 3/4 reply (reply_to_HLS_authentication), or an LLS
/// password against the configured one.
public struct HLSResult: Sendable, Hashable {
    /// The authentication mechanism (2 manufacturer, 3 MD5, 4 SHA-1, 5 GMAC, 6 SHA-256, 7 ECDSA).
    public var mechanism: Int
    public var result: HLSVerdict
    /// Who proved (or failed to prove) it holds the secret: the client with f(StoC) in pass 3
    /// (and with the LLS password), the server with f(CtoS) in pass 4.
    public var responder: HLSRole
    /// Why it is unchecked, or what failed.
    public var reason: String?

    public init(mechanism: Int, result: HLSVerdict, responder: HLSRole = .client, reason: String? = nil) {
        self.mechanism = mechanism
        self.result = result
        self.responder = responder
        self.reason = reason
    }
}
