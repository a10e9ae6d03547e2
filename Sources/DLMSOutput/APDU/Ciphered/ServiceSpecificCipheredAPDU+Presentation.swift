import DLMSAPDU
import DLMSCore

/// A glo-/ded- APDU as Gurux prints one it does not decrypt:
/// `<glo_GetRequest Value="<SC IC ciphertext tag>" />` (reference cases
/// 36–47, 53, 54), with dlmscope's reading of the security header as a
/// comment inside. The element name is `glo_` or `ded_` followed by the
/// plain APDU's Gurux element name; Gurux's table has names for part of the
/// tags (and calls the ciphered confirmed-service-errors
/// `glo_GloConfirmedServiceError` / `ded_GloConfirmedServiceError`), dlmscope
/// uses the same rule for every tag: `glo_ConfirmedServiceError`,
/// `glo_EventNotificationRequest` (case 82, which Gurux does not recognise),
/// `ded_InitiateRequest`, `glo_InformationReportRequest`, ...
///
/// The decrypted APDU, when a later stage has it, is a child element of this
/// one (`guruxXML(_:children:)`).
extension ServiceSpecificCipheredAPDU: APDUPresentable {
    public var apduType: String { name }
    public var variant: String? { nil }

    public func jsonFields(_ context: PresentationContext) -> [Field] {
        [
            .text("service", serviceName),
            .integer("serviceTag", serviceTag),
            .text("key", content.keyName(key)),
        ] + content.jsonFields()
    }

    public func guruxXML(_ context: PresentationContext) -> XMLNode {
        guruxXML(context, children: [])
    }

    /// The element with `children` (the decrypted APDU's element) after the comment.
    public func guruxXML(_ context: PresentationContext, children: [XMLNode]) -> XMLNode {
        .element(
            elementName, attributes: [XMLAttribute("Value", Hex.encode(cipheredBytes))],
            children: [.comment("\(name), \(serviceName) under the \(key == .global ? "global" : "dedicated") key; "
                + content.securityComment)] + children
        )
    }

    /// `glo_GetRequest`, `ded_ActionResponse`, ...
    public var elementName: String {
        (key == .global ? "glo_" : "ded_") + (Self.guruxServiceNames[serviceTag] ?? "Unknown")
    }

    /// The Gurux simple-XML element names of the plain services.
    static let guruxServiceNames: [UInt8: String] = [
        0x01: "InitiateRequest", 0x05: "ReadRequest", 0x06: "WriteRequest", 0x08: "InitiateResponse",
        0x0C: "ReadResponse", 0x0D: "WriteResponse", 0x0E: "ConfirmedServiceError",
        0x16: "UnconfirmedWriteRequest", 0x18: "InformationReportRequest",
        0xC0: "GetRequest", 0xC1: "SetRequest", 0xC2: "EventNotificationRequest", 0xC3: "ActionRequest",
        0xC4: "GetResponse", 0xC5: "SetResponse", 0xC7: "ActionResponse",
    ]
}
