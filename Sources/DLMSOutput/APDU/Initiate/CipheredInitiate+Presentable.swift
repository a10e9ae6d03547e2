import DLMSAPDU
import DLMSCore

/// A glo-/ded-initiate-request or -response, kept ciphered by the APDU stage.
///
/// XML: `<glo_InitiateRequest Value="SC IC ciphertext tag" />` as the Gurux
/// translator prints it (the bytes after the length), with the security
/// header decoded in a comment before it. Gurux has no names for the ded-
/// forms; dlmscope uses `ded_InitiateRequest` and `ded_InitiateResponse`,
/// after its `ded_GetRequest` pattern. When a later stage has decrypted it,
/// `guruxXML(_:plaintext:)` nests the plaintext APDU's element as a child
/// (never in a comment, which is where Gurux puts it).
///
/// JSON: `{"type": "glo-initiate-request", "securityControl": 48, "suite": 0,
/// "authenticated": true, "encrypted": true, "broadcastKey": false,
/// "compressed": false, "invocationCounter": 1, "cipheredContent": hex}`.
extension CipheredInitiate: APDUPresentable {
    public var apduType: String { kind.name }
    public var variant: String? { nil }

    public func jsonFields(_ context: PresentationContext) -> [Field] {
        [
            .integer("securityControl", securityControl), .integer("suite", securitySuite),
            .boolean("authenticated", isAuthenticated), .boolean("encrypted", isEncrypted),
            .boolean("broadcastKey", usesBroadcastKey), .boolean("compressed", isCompressed),
            .integer("invocationCounter", invocationCounter), .bytes("cipheredContent", cipheredContent),
        ]
    }

    /// The Gurux element name (`glo_InitiateRequest`).
    public var guruxName: String {
        switch kind {
        case .gloInitiateRequest: "glo_InitiateRequest"
        case .gloInitiateResponse: "glo_InitiateResponse"
        case .dedInitiateRequest: "ded_InitiateRequest"
        case .dedInitiateResponse: "ded_InitiateResponse"
        }
    }

    public func guruxXML(_ context: PresentationContext) -> XMLNode {
        guruxXML(context, plaintext: [])
    }

    /// The element with the decrypted APDU's nodes (if any) as its children.
    public func guruxXML(_ context: PresentationContext, plaintext: [XMLNode]) -> XMLNode {
        .element(guruxName, attributes: [XMLAttribute("Value", Hex.encode(securedBytes))], children: plaintext)
    }

    /// The security header comment and the element.
    func commentedXML(_ context: PresentationContext) -> [XMLNode] {
        [.comment(securityComment), guruxXML(context)]
    }

    /// `security control 30 (suite 0, authenticated, encrypted), invocation counter 1`.
    var securityComment: String {
        var policy = ["suite \(securitySuite)"]
        if isAuthenticated { policy.append("authenticated") }
        if isEncrypted { policy.append("encrypted") }
        if usesBroadcastKey { policy.append("broadcast key") }
        if isCompressed { policy.append("compressed") }
        return "security control \(ACSEPresentation.hex(securityControl)) (\(policy.joined(separator: ", "))), "
            + "invocation counter \(invocationCounter)"
    }
}
