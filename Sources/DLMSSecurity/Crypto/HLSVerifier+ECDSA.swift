// HLS mechanism 7 (ECDSA, security suites 1 and 2; spec-notes §4.3) [b06].
extension HLSVerifier {
    /// Whether `response` is the responder's raw r ‖ s signature over
    /// `HLSResponse.ecdsaMessage` with `signingPublicKey` (the curve's hash:
    /// SHA-256 for P-256, SHA-384 for P-384). A response of the wrong length
    /// is `invalid`. Throws only when OpenSSL itself fails.
    public static func verifyECDSA(
        _ response: [UInt8], signingPublicKey: ECPublicKey, responderSystemTitle: [UInt8], peerSystemTitle: [UInt8],
        answeredChallenge: [UInt8], ownChallenge: [UInt8]
    ) throws(SecurityError) -> HLSVerdict {
        let message = HLSResponse.ecdsaMessage(
            responderSystemTitle: responderSystemTitle, peerSystemTitle: peerSystemTitle,
            answeredChallenge: answeredChallenge, ownChallenge: ownChallenge
        )
        return try signingPublicKey.isValidSignature(response, for: message) ? .valid : .invalid
    }
}
