import DLMSAPDU

/// The HLS pass 3 / pass 4 computations f(challenge) (Green Book, HLS
/// authentication mechanisms; spec-notes §4.3). Each side answers the
/// challenge its peer sent: the client f(StoC), the server f(CtoS).
public enum HLSResponse {
    /// Mechanism 3: MD5(challenge ‖ secret) [b03].
    public static func md5(challenge: [UInt8], secret: [UInt8]) throws(SecurityError) -> [UInt8] {
        try Digest.md5.hash(concatenating: [challenge, secret])
    }

    /// Mechanism 4: SHA-1(challenge ‖ secret) [b04].
    public static func sha1(challenge: [UInt8], secret: [UInt8]) throws(SecurityError) -> [UInt8] {
        try Digest.sha1.hash(concatenating: [challenge, secret])
    }

    /// Mechanism 6: SHA-256(secret ‖ own title ‖ peer title ‖ answered
    /// challenge ‖ own challenge) [b05]. For the client (f(StoC)):
    /// secret ‖ ST_C ‖ ST_S ‖ StoC ‖ CtoS; for the server (f(CtoS)):
    /// secret ‖ ST_S ‖ ST_C ‖ CtoS ‖ StoC.
    public static func sha256(
        secret: [UInt8], responderSystemTitle: [UInt8], peerSystemTitle: [UInt8], answeredChallenge: [UInt8],
        ownChallenge: [UInt8]
    ) throws(SecurityError) -> [UInt8] {
        try Digest.sha256.hash(
            concatenating: [secret, responderSystemTitle, peerSystemTitle, answeredChallenge, ownChallenge]
        )
    }

    /// Mechanism 5: SC ‖ IC ‖ GMAC(EK, IV = responder title ‖ IC,
    /// AAD = SC ‖ AK ‖ challenge) [b01, b02]. The title is the responder's
    /// own and must be 8 bytes; SC is 0x10 | suite.
    public static func gmac(
        challenge: [UInt8], systemTitle: [UInt8], invocationCounter: UInt32,
        securityControl: SecurityControl = SecurityControl(authenticated: true, encrypted: false),
        encryptionKey: AESGCMKey, authenticationKey: [UInt8]
    ) throws(SecurityError) -> HLSGMACResponse {
        let iv = try CipheringIV.make(systemTitle: systemTitle, invocationCounter: invocationCounter)
        let tag = try encryptionKey.gmac(iv: iv, aad: [securityControl.rawValue] + authenticationKey + challenge)
        return HLSGMACResponse(securityControl: securityControl, invocationCounter: invocationCounter, tag: tag)
    }
}
