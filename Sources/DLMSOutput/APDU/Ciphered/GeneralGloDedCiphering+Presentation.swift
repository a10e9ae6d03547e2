import DLMSAPDU
import DLMSCore

/// general-glo-ciphering as Gurux prints it (reference cases 48–51, 71):
///
/// ```
/// <GeneralGloCiphering>
///   <SystemTitle Value="4D4D4D0000000001" />
///   <CipheredService Value="<SC IC ciphertext tag>" />
/// </GeneralGloCiphering>
/// ```
///
/// general-ded-ciphering has the same children in `<GeneralDedCiphering>`,
/// the name in Gurux's own tag table; Gurux itself prints it as
/// `GeneralGloCiphering` (case 52), which is wrong. The system title and the
/// security header are explained in comments; the decrypted APDU, when a
/// later stage has it, is a child element after `CipheredService`
/// (`guruxXML(_:children:)`).
extension GeneralGloDedCiphering: APDUPresentable {
    public var apduType: String { key == .global ? "general-glo-ciphering" : "general-ded-ciphering" }
    public var variant: String? { nil }

    public func jsonFields(_ context: PresentationContext) -> [Field] {
        SystemTitleDescription.jsonFields("systemTitle", systemTitle.bytes)
            + [.text("key", content.keyName(key))]
            + content.jsonFields()
    }

    public func guruxXML(_ context: PresentationContext) -> XMLNode {
        guruxXML(context, children: [])
    }

    /// The element with `children` (the decrypted APDU's element) at its end.
    public func guruxXML(_ context: PresentationContext, children: [XMLNode]) -> XMLNode {
        .node(key == .global ? "GeneralGloCiphering" : "GeneralDedCiphering", [], [
            .comment(SystemTitleDescription.comment(systemTitle.bytes)),
            .value("SystemTitle", Hex.encode(systemTitle.bytes)),
            .comment(content.securityComment),
            .value("CipheredService", Hex.encode(content.encoded)),
        ] + children)
    }
}
