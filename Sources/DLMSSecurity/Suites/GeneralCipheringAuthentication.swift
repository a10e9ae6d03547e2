import DLMSAPDU

/// What general-ciphering authenticates besides SC ‖ AK (Green Book,
/// general-ciphering; spec-notes §4.4).
///
/// The normative construction is not established from public material: the
/// Green Book's worked examples (vectors c11, c12) decrypt with IV =
/// originator title ‖ IC, but their tags reproduce under no AAD tried
/// (SC ‖ AK, with the header fields raw or A-XDR encoded, with key-info,
/// with other AKs). Implementations use one of two forms:
///
/// - `securityControlAndKey`: SC ‖ AK, as for every other ciphered APDU
///   (Gurux `GXSecure`, current);
/// - `headerFields`: SC ‖ AK ‖ transaction-id ‖ originator-system-title ‖
///   recipient-system-title ‖ date-time ‖ other-information, each with its
///   A-XDR length (Connexo `SecurityContext`; Gurux's test of the Green
///   Book example builds the same).
///
/// A tag that verifies under either form proves the content authentic (a
/// GCM tag does not verify by chance). A tag that verifies under neither
/// proves nothing either way — the sender may use a third form — so it is
/// `unchecked`, never `invalid`.
public enum GeneralCipheringAuthentication: String, Sendable, Hashable, CaseIterable {
    case securityControlAndKey = "SC‖AK"
    case headerFields = "SC‖AK‖header fields"

    /// The bytes that follow SC ‖ AK in the AAD under this form.
    public func extraAuthenticatedData(
        transactionId: [UInt8], originatorSystemTitle: [UInt8], recipientSystemTitle: [UInt8], dateTime: [UInt8],
        otherInformation: [UInt8]
    ) -> [UInt8] {
        switch self {
        case .securityControlAndKey:
            return []
        case .headerFields:
            var bytes: [UInt8] = []
            for field in [transactionId, originatorSystemTitle, recipientSystemTitle, dateTime, otherInformation] {
                AXDROctetString(field).encode(into: &bytes)
            }
            return bytes
        }
    }

    /// `extraAuthenticatedData` of a decoded general-ciphering APDU.
    public func extraAuthenticatedData(of apdu: GeneralCiphering) -> [UInt8] {
        extraAuthenticatedData(
            transactionId: apdu.transactionId.bytes, originatorSystemTitle: apdu.originatorSystemTitle.bytes,
            recipientSystemTitle: apdu.recipientSystemTitle.bytes, dateTime: apdu.dateTime.bytes,
            otherInformation: apdu.otherInformation.bytes
        )
    }

    /// The extra AAD dlmscope's own encoders use (the samples): SC ‖ AK, the form of every
    /// other ciphered APDU.
    public static func extraAuthenticatedData(
        transactionId: [UInt8], originatorSystemTitle: [UInt8], recipientSystemTitle: [UInt8], dateTime: [UInt8],
        otherInformation: [UInt8]
    ) -> [UInt8] {
        securityControlAndKey.extraAuthenticatedData(
            transactionId: transactionId, originatorSystemTitle: originatorSystemTitle,
            recipientSystemTitle: recipientSystemTitle, dateTime: dateTime, otherInformation: otherInformation
        )
    }
}
