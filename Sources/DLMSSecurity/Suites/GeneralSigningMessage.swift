import DLMSAPDU

/// The bytes a general-signing APDU's ECDSA signature covers (Green Book,
/// general-signing; spec-notes §4.4): the fields after the `DF` tag with
/// their A-XDR lengths — transaction-id, originator-system-title,
/// recipient-system-title, date-time, other-information — followed by the
/// content's bytes without their length. The tag, the content's length and
/// the signature are not signed.
///
/// Two independent implementations build it this way (Gurux `GXSecure`,
/// "content length is not added to the signed data"; Connexo
/// `SecurityContext.applyGeneralSigning`: header without tag ‖ content).
/// No public test vector exists.
public enum GeneralSigningMessage {
    /// The signed bytes of `apdu`.
    public static func signedBytes(of apdu: GeneralSigning) -> [UInt8] {
        var bytes: [UInt8] = []
        for field in [apdu.transactionId, apdu.originatorSystemTitle, apdu.recipientSystemTitle, apdu.dateTime,
                      apdu.otherInformation] {
            field.encode(into: &bytes)
        }
        return bytes + apdu.content.bytes
    }

    /// `apdu` with its signature made by `signingKey` over `signedBytes(of:)`.
    public static func sign(_ apdu: GeneralSigning, with signingKey: ECPrivateKey) throws(SecurityError) -> GeneralSigning {
        var signed = apdu
        signed.signature = AXDROctetString(try signingKey.signature(for: signedBytes(of: apdu)))
        return signed
    }
}
