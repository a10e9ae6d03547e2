import DLMSAPDU

/// Opens (decrypts and/or verifies) the content of a glo-, ded-,
/// general-glo- or general-ded-ciphering APDU by the policy its security
/// control byte names (Green Book, cryptographic protection of xDLMS APDUs
/// with security suite 0, 1 or 2; spec-notes §4.2):
///
/// | SC bits | IV | AAD | GCM input → output |
/// | --- | --- | --- | --- |
/// | A (bit 4) | title ‖ IC | SC ‖ AK ‖ plaintext | GMAC: the plaintext is sent in clear ‖ tag |
/// | E (bit 5) | title ‖ IC | — | keystream: ciphertext, no tag |
/// | A+E | title ‖ IC | SC ‖ AK | ciphertext ‖ tag |
/// | neither | — | — | the content is the plaintext |
///
/// EK is the block cipher key for all three (the global unicast or
/// broadcast key for glo-, the dedicated key for ded-); AK, the global
/// authentication key, only ever enters the AAD [a13]. The SC byte in the
/// AAD is the whole byte as sent (suite id, key-set and compression bits
/// included).
///
/// Compression (SC bit 7) is not undone here: with that bit the plaintext
/// is the compressed APDU.
public enum CipheredContentOpener {
    /// Opens `content` from the sender with `systemTitle` (the sender's; see
    /// `CipheringIV.lenient` for titles that are not 8 bytes).
    ///
    /// - Authentication only: the plaintext is the text as sent; `valid` or
    ///   `invalid` when both keys are known, else `unchecked`.
    /// - Encryption only: the plaintext by keystream (nil without EK); `absent`.
    ///   A wrong key gives garbage that nothing here can detect.
    /// - Authenticated encryption: `valid`/`invalid` with both keys (the
    ///   plaintext is returned also when the tag fails); with EK alone the
    ///   plaintext by keystream and `unchecked`; without EK no plaintext,
    ///   `unchecked`.
    /// - Neither: the text is the plaintext; `absent`.
    ///
    /// Throws only when OpenSSL itself fails.
    ///
    /// `extraAuthenticatedData` follows SC ‖ AK in the AAD (the header
    /// fields general-ciphering authenticates; empty for every other APDU).
    public static func open(
        _ content: CipheredContent, systemTitle: [UInt8], encryptionKey: AESGCMKey?, authenticationKey: [UInt8]?,
        extraAuthenticatedData: [UInt8] = []
    ) throws(SecurityError) -> CipheredContentOpening {
        let control = content.securityControl
        guard control.authenticated || control.encrypted else {
            return CipheredContentOpening(plaintext: content.text, tag: .absent)
        }
        let (iv, adjustment) = CipheringIV.lenient(
            systemTitle: systemTitle, invocationCounter: content.invocationCounter
        )
        let (plaintext, tag) = try open(
            content, iv: iv, encryptionKey: encryptionKey,
            authenticationData: authenticationKey.map { [control.rawValue] + $0 + extraAuthenticatedData }
        )
        return CipheredContentOpening(plaintext: plaintext, tag: tag, systemTitleAdjustment: adjustment)
    }

    /// The policy table of `open` for a protected content and its IV.
    /// `authenticationData` is the AAD prefix SC ‖ AK (‖ extra), nil without AK.
    private static func open(
        _ content: CipheredContent, iv: [UInt8], encryptionKey: AESGCMKey?, authenticationData: [UInt8]?
    ) throws(SecurityError) -> (plaintext: [UInt8]?, tag: TagVerdict) {
        let control = content.securityControl
        switch (control.authenticated, control.encrypted, encryptionKey, authenticationData) {
        case (false, false, _, _):
            return (content.text, .absent)
        case (false, true, nil, _):
            return (nil, .absent)
        case let (false, true, key?, _):
            return (try key.decryptWithoutTag(ciphertext: content.text, iv: iv), .absent)
        case (true, false, nil, _), (true, false, _, nil):
            return (content.text, .unchecked)
        case let (true, false, key?, authenticationData?):
            // GMAC over SC ‖ AK ‖ plaintext: the whole APDU is authenticated data.
            let aad = authenticationData + content.text
            guard let tag = content.tag else { return (content.text, .invalid) }
            return (content.text, try key.verifyGMAC(tag: tag, iv: iv, aad: aad) ? .valid : .invalid)
        case (true, true, nil, _):
            return (nil, .unchecked)
        case let (true, true, key?, nil):
            return (try key.decryptWithoutTag(ciphertext: content.text, iv: iv), .unchecked)
        case let (true, true, key?, authenticationData?):
            let (plaintext, authentic) = try key.decrypt(
                ciphertext: content.text, iv: iv, aad: authenticationData, tag: content.tag ?? []
            )
            return (plaintext, authentic ? .valid : .invalid)
        }
    }

    /// `open` with the encryption key as bytes (16 or 32; any other length
    /// throws). Prefer an `AESGCMKey` kept for the key's lifetime when
    /// opening a stream of APDUs.
    public static func open(
        _ content: CipheredContent, systemTitle: [UInt8], encryptionKey: [UInt8]?, authenticationKey: [UInt8]?,
        extraAuthenticatedData: [UInt8] = []
    ) throws(SecurityError) -> CipheredContentOpening {
        let key = try encryptionKey.map { bytes throws(SecurityError) in try AESGCMKey(bytes) }
        return try open(
            content, systemTitle: systemTitle, encryptionKey: key, authenticationKey: authenticationKey,
            extraAuthenticatedData: extraAuthenticatedData
        )
    }
}
