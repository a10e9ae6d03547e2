import DLMSAPDU

/// Checks a received HLS pass 3 or pass 4 response f(challenge) against the
/// exchange and the secrets (Green Book, HLS authentication; spec-notes
/// §4.3): one entry point for every mechanism the suite-0 stage computes.
public enum HLSVerifier {
    /// The verdict on `response`, sent by `responder` under `mechanism`.
    ///
    /// Mechanisms 3, 4 and 6 need `secret` (the HLS secret); mechanism 5
    /// needs `encryptionKey` and `authenticationKey`, and takes SC and IC
    /// from the response itself. Anything missing gives `unchecked`, as do
    /// mechanisms 0–2 and 7 (ECDSA needs the responder's public key: see
    /// `verifyECDSA`). A mechanism 5
    /// response that is not 17 bytes is `invalid`. A responder title that
    /// is not 8 bytes is padded or cut as `CipheringIV.lenient` does.
    /// Throws only when OpenSSL itself fails.
    public static func verify(
        _ response: [UInt8], mechanism: AuthenticationMechanism, from responder: HLSRole, exchange: HLSExchange,
        secret: [UInt8]?, encryptionKey: AESGCMKey?, authenticationKey: [UInt8]?
    ) throws(SecurityError) -> HLSVerdict {
        guard let answered = exchange.challenge(answeredBy: responder) else { return .unchecked }
        let expected: [UInt8]
        switch mechanism {
        case .highMD5:
            guard let secret else { return .unchecked }
            expected = try HLSResponse.md5(challenge: answered, secret: secret)
        case .highSHA1:
            guard let secret else { return .unchecked }
            expected = try HLSResponse.sha1(challenge: answered, secret: secret)
        case .highSHA256:
            guard let secret, let own = exchange.challenge(sentBy: responder),
                  let ownTitle = exchange.systemTitle(of: responder),
                  let peerTitle = exchange.systemTitle(of: responder.peer)
            else { return .unchecked }
            expected = try HLSResponse.sha256(
                secret: secret, responderSystemTitle: ownTitle, peerSystemTitle: peerTitle, answeredChallenge: answered,
                ownChallenge: own
            )
        case .highGMAC:
            guard let encryptionKey, let authenticationKey, let title = exchange.systemTitle(of: responder) else {
                return .unchecked
            }
            return try verifyGMAC(
                response, challenge: answered, systemTitle: title, encryptionKey: encryptionKey,
                authenticationKey: authenticationKey
            )
        default:
            return .unchecked
        }
        return ConstantTime.equal(response, expected) ? .valid : .invalid
    }

    /// Mechanism 5: whether `response` (SC ‖ IC ‖ tag) is the GMAC over
    /// SC ‖ AK ‖ `challenge` with IV = `systemTitle` (the responder's) ‖ IC.
    public static func verifyGMAC(
        _ response: [UInt8], challenge: [UInt8], systemTitle: [UInt8], encryptionKey: AESGCMKey,
        authenticationKey: [UInt8]
    ) throws(SecurityError) -> HLSVerdict {
        guard let parsed = HLSGMACResponse(response) else { return .invalid }
        let (iv, _) = CipheringIV.lenient(systemTitle: systemTitle, invocationCounter: parsed.invocationCounter)
        let aad = [parsed.securityControl.rawValue] + authenticationKey + challenge
        return try encryptionKey.verifyGMAC(tag: parsed.tag, iv: iv, aad: aad) ? .valid : .invalid
    }
}
