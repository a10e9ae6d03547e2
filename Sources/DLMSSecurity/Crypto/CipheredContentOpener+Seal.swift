import DLMSAPDU
import DLMSCore

/// The inverse of `open`: protects a plaintext APDU under a policy, for
/// tests, sample generation and encoders (Green Book, cryptographic
/// protection; spec-notes §4.2).
extension CipheredContentOpener {
    /// SC ‖ IC ‖ text ‖ tag as `CipheredContent`, protected by the policy of
    /// `securityControl` (authentication only: plaintext ‖ GMAC tag over
    /// SC ‖ AK ‖ plaintext; encryption only: keystream ciphertext;
    /// both: ciphertext ‖ tag with AAD SC ‖ AK; neither: the plaintext).
    ///
    /// The system title must be 8 bytes (an encoder never invents padding),
    /// and a policy that authenticates needs the authentication key; both
    /// throw otherwise. `extraAuthenticatedData` follows SC ‖ AK in the AAD
    /// (general-ciphering's header fields; empty for every other APDU).
    public static func seal(
        plaintext: [UInt8], securityControl: SecurityControl, invocationCounter: UInt32, systemTitle: [UInt8],
        encryptionKey: AESGCMKey, authenticationKey: [UInt8]?, extraAuthenticatedData: [UInt8] = []
    ) throws(SecurityError) -> CipheredContent {
        let header = SecurityHeader(securityControl: securityControl, invocationCounter: invocationCounter)
        let text: [UInt8]
        var tag: [UInt8]?
        switch (securityControl.authenticated, securityControl.encrypted) {
        case (false, false):
            text = plaintext
        case (false, true):
            let iv = try CipheringIV.make(systemTitle: systemTitle, invocationCounter: invocationCounter)
            text = try encryptionKey.encryptWithoutTag(plaintext: plaintext, iv: iv)
        case (true, let encrypted):
            let iv = try CipheringIV.make(systemTitle: systemTitle, invocationCounter: invocationCounter)
            guard let authenticationKey else {
                let control = Hex.encode([securityControl.rawValue])
                throw SecurityError("security control \(control) authenticates: the authentication key is needed")
            }
            if encrypted {
                (text, tag) = try encryptionKey.seal(
                    plaintext: plaintext, iv: iv, aad: [securityControl.rawValue] + authenticationKey + extraAuthenticatedData
                )
            } else {
                text = plaintext
                tag = try encryptionKey.gmac(
                    iv: iv, aad: [securityControl.rawValue] + authenticationKey + extraAuthenticatedData + plaintext
                )
            }
        }
        guard let content = CipheredContent(header: header, text: text, tag: tag) else {
            throw SecurityError("the sealed content does not match its security control byte")
        }
        return content
    }

    /// `seal` with the encryption key as bytes (16 or 32; any other length throws).
    public static func seal(
        plaintext: [UInt8], securityControl: SecurityControl, invocationCounter: UInt32, systemTitle: [UInt8],
        encryptionKey: [UInt8], authenticationKey: [UInt8]?, extraAuthenticatedData: [UInt8] = []
    ) throws(SecurityError) -> CipheredContent {
        try seal(
            plaintext: plaintext, securityControl: securityControl, invocationCounter: invocationCounter,
            systemTitle: systemTitle, encryptionKey: try AESGCMKey(encryptionKey), authenticationKey: authenticationKey,
            extraAuthenticatedData: extraAuthenticatedData
        )
    }
}
