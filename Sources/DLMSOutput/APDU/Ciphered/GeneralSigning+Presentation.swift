import DLMSAPDU
import DLMSCore

/// general-signing; Gurux does not know it (reference case 57 prints the
/// bytes in a malformed `<Data="..." />`). dlmscope prints it in the style
/// of Gurux's general-ciphering, field names from the ASN.1:
///
/// ```
/// <GeneralSigning>
///   <TransactionId Value="0000000000000001" />
///   <OriginatorSystemTitle Value="4D4D4D0000BC614E" />
///   <RecipientSystemTitle Value="4D4D4D0000000001" />
///   <DateTime Value="" />
///   <OtherInformation Value="" />
///   <Content Value="C0010000080000010000FF0200" />
///   <Signature Value="" />
/// </GeneralSigning>
/// ```
///
/// The signed APDU, when a later stage decodes it, is a child element at the
/// end (`guruxXML(_:children:)`).
extension GeneralSigning: APDUPresentable {
    public var apduType: String { "general-signing" }
    public var variant: String? { nil }

    public func jsonFields(_ context: PresentationContext) -> [Field] {
        var fields: [Field] = [.bytes("transactionId", transactionId.bytes)]
        fields += SystemTitleDescription.jsonFields("originatorSystemTitle", originatorSystemTitle.bytes)
        fields += SystemTitleDescription.jsonFields("recipientSystemTitle", recipientSystemTitle.bytes)
        fields += EnvelopeFields.dateTimeFields(dateTime.bytes)
        fields.append(.bytes("otherInformation", otherInformation.bytes))
        fields.append(.bytes("content", content.bytes))
        if let tag = contentTag, let name = APDUTag.name(tag) { fields.append(.text("contentType", name)) }
        fields.append(.bytes("signature", signature.bytes))
        return fields
    }

    public func guruxXML(_ context: PresentationContext) -> XMLNode {
        guruxXML(context, children: [])
    }

    /// The element with `children` (the signed APDU's element) at its end.
    public func guruxXML(_ context: PresentationContext, children: [XMLNode]) -> XMLNode {
        var nodes = EnvelopeFields.guruxXML(
            transactionId: transactionId.bytes, originator: originatorSystemTitle.bytes,
            recipient: recipientSystemTitle.bytes, dateTime: dateTime.bytes, otherInformation: otherInformation.bytes
        )
        if let tag = contentTag, let name = APDUTag.name(tag) { nodes.append(.comment("content: \(name)")) }
        nodes.append(.value("Content", Hex.encode(content.bytes)))
        nodes.append(.comment(signature.isEmpty ? "no signature" : "signature r ‖ s, \(signature.bytes.count) bytes"))
        nodes.append(.value("Signature", Hex.encode(signature.bytes)))
        return .node("GeneralSigning", [], nodes + children)
    }
}
