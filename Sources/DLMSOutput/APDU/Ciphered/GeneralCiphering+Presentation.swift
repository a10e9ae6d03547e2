import DLMSAPDU
import DLMSCore

/// general-ciphering in the Gurux vocabulary. Gurux crashes on these APDUs
/// (reference cases 55, 56); its code would print the fields below, but with
/// the invocation counter as the transaction id and always an AgreedKey.
/// dlmscope prints every field from the ASN.1 (names as in Gurux's tag
/// table), the key-info only when present:
///
/// ```
/// <GeneralCiphering>
///   <TransactionId Value="0000000000000400" />
///   <OriginatorSystemTitle Value="4D4D4D0000BC614E" />
///   <RecipientSystemTitle Value="4D4D4D0000000001" />
///   <DateTime Value="" />
///   <OtherInformation Value="" />
///   <KeyInfo>
///     <AgreedKey>
///       <KeyParameters Value="02" />
///       <KeyCipheredData Value="" />
///     </AgreedKey>
///   </KeyInfo>
///   <CipheredContent Value="<SC IC ciphertext tag>" />
/// </GeneralCiphering>
/// ```
///
/// `<IdentifiedKey><KeyId Value="00" /></IdentifiedKey>` and
/// `<WrappedKey><KekId Value="00" /><KeyCipheredData Value="..." /></WrappedKey>`
/// are the other key-info alternatives. The decrypted APDU, when a later
/// stage has it, is a child element after `CipheredContent`.
extension GeneralCiphering: APDUPresentable {
    public var apduType: String { "general-ciphering" }
    public var variant: String? { nil }

    public func jsonFields(_ context: PresentationContext) -> [Field] {
        var fields: [Field] = [.bytes("transactionId", transactionId.bytes)]
        fields += SystemTitleDescription.jsonFields("originatorSystemTitle", originatorSystemTitle.bytes)
        fields += SystemTitleDescription.jsonFields("recipientSystemTitle", recipientSystemTitle.bytes)
        fields += EnvelopeFields.dateTimeFields(dateTime.bytes)
        fields.append(.bytes("otherInformation", otherInformation.bytes))
        fields.append(Field("keyInfo", keyInfo?.json(suite: content.securityControl.suite) ?? .null))
        if let keyInfo { fields.append(.text("key", keyInfo.keyName)) }
        return fields + content.jsonFields()
    }

    public func guruxXML(_ context: PresentationContext) -> XMLNode {
        guruxXML(context, children: [])
    }

    /// The element with `children` (the decrypted APDU's element) at its end.
    public func guruxXML(_ context: PresentationContext, children: [XMLNode]) -> XMLNode {
        var nodes = EnvelopeFields.guruxXML(
            transactionId: transactionId.bytes, originator: originatorSystemTitle.bytes,
            recipient: recipientSystemTitle.bytes, dateTime: dateTime.bytes, otherInformation: otherInformation.bytes
        )
        if let keyInfo { nodes.append(keyInfo.guruxXML(suite: content.securityControl.suite)) }
        nodes.append(.comment(content.securityComment))
        nodes.append(.value("CipheredContent", Hex.encode(content.encoded)))
        return .node("GeneralCiphering", [], nodes + children)
    }
}
