// HLS mechanism 7 (ECDSA, security suites 1 and 2; spec-notes §4.3) [b06].
extension HLSResponse {
    /// The message a responder signs under mechanism 7: own title ‖ peer
    /// title ‖ answered challenge ‖ own challenge. For the client (f(StoC)):
    /// ST_C ‖ ST_S ‖ StoC ‖ CtoS; for the server (f(CtoS)):
    /// ST_S ‖ ST_C ‖ CtoS ‖ StoC. The reply itself is the raw ECDSA
    /// signature r ‖ s over it, with the responder's signing key.
    public static func ecdsaMessage(
        responderSystemTitle: [UInt8], peerSystemTitle: [UInt8], answeredChallenge: [UInt8], ownChallenge: [UInt8]
    ) -> [UInt8] {
        responderSystemTitle + peerSystemTitle + answeredChallenge + ownChallenge
    }

    /// Mechanism 7: the responder's signature over `ecdsaMessage`.
    public static func ecdsa(
        signingKey: ECPrivateKey, responderSystemTitle: [UInt8], peerSystemTitle: [UInt8], answeredChallenge: [UInt8],
        ownChallenge: [UInt8]
    ) throws(SecurityError) -> [UInt8] {
        try signingKey.signature(for: ecdsaMessage(
            responderSystemTitle: responderSystemTitle, peerSystemTitle: peerSystemTitle,
            answeredChallenge: answeredChallenge, ownChallenge: ownChallenge
        ))
    }
}
