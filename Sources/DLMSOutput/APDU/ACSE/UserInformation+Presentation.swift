import DLMSAPDU
import DLMSCore

// The user-information of an ACSE APDU shows the xDLMS APDU it carries: in
// JSON as a nested APDU object (`{"type": "initiate-request", ...}`), in XML
// as that APDU's element, the way the Gurux translator nests it.
extension UserInformation {
    /// The nested APDU object; unrecognized content is `{"type": "unrecognized", "value": hex}`.
    public func json(_ context: PresentationContext) -> Field.Value {
        switch self {
        case let .initiateRequest(request): return .fields([.text("type", request.apduType)] + request.jsonFields(context))
        case let .initiateResponse(response): return .fields([.text("type", response.apduType)] + response.jsonFields(context))
        case let .cipheredInitiate(ciphered):
            var fields = [Field.text("type", ciphered.apduType)] + ciphered.jsonFields(context)
            if let plaintext = context.decryptedUserInformation {
                fields.append(Field("plaintext", .fields(
                    [.text("type", plaintext.apduType)] + plaintext.jsonFields(context))))
            }
            return .fields(fields)
        case let .confirmedServiceError(error): return .fields([.text("type", error.apduType)] + error.jsonFields(context))
        case let .unrecognized(bytes): return .fields([.text("type", "unrecognized"), .bytes("value", bytes)])
        }
    }

    /// The carried APDU's element; unrecognized content is `<UserInformation Value="hex" />`.
    public func guruxXML(_ context: PresentationContext) -> [XMLNode] {
        switch self {
        case let .initiateRequest(request): return [request.guruxXML(context)]
        case let .initiateResponse(response): return [response.guruxXML(context)]
        case let .cipheredInitiate(ciphered):
            // A decrypted initiate is a child element of its envelope, never a comment.
            guard let plaintext = context.decryptedUserInformation else { return ciphered.commentedXML(context) }
            return [.comment(ciphered.securityComment), ciphered.guruxXML(context, plaintext: [plaintext.guruxXML(context)])]
        case let .confirmedServiceError(error): return [error.guruxXML(context)]
        case let .unrecognized(bytes):
            return [.comment("user-information that is no initiate APDU"), .value("UserInformation", Hex.encode(bytes))]
        }
    }
}
