import DLMSAPDU
import DLMSCore

// The key-info of general-ciphering in JSON and XML.
extension KeyInfo {
    /// `{"choice": "agreed-key", "choiceCode": 2, ...}`; for One-Pass DH with
    /// a known suite the ephemeral public key and signature are split out.
    func json(suite: SecuritySuite) -> Field.Value {
        var fields: [Field] = [.text("choice", choice.description), .integer("choiceCode", choice.rawValue)]
        switch self {
        case let .identifiedKey(keyId):
            fields += [.text("keyId", keyId.description), .integer("keyIdCode", keyId.rawValue)]
        case let .wrappedKey(kekId, data):
            fields += [.text("kekId", kekId.description), .integer("kekIdCode", kekId.rawValue),
                       .bytes("keyCipheredData", data.bytes)]
        case let .agreedKey(parameters, data):
            fields.append(.bytes("keyParameters", parameters.bytes))
            if let scheme = keyAgreementScheme {
                fields += [.text("scheme", scheme.description), .integer("schemeCode", scheme.rawValue)]
            }
            fields.append(.bytes("keyCipheredData", data.bytes))
            if let (publicKey, signature) = ephemeralPublicKeyAndSignature(suite: suite) {
                fields += [.bytes("ephemeralPublicKey", publicKey), .bytes("ephemeralPublicKeySignature", signature)]
            }
        }
        return .fields(fields)
    }

    /// The key the record's `security.key` vocabulary names.
    var keyName: String {
        switch self {
        case let .identifiedKey(keyId): keyId.rawValue == 1 ? "global-broadcast" : "global-unicast"
        case .wrappedKey: "transported"
        case .agreedKey: "agreed"
        }
    }

    /// `<KeyInfo>` with the alternative's element: `<IdentifiedKey><KeyId/>`,
    /// `<WrappedKey><KekId/><KeyCipheredData/>` or
    /// `<AgreedKey><KeyParameters/><KeyCipheredData/>` (the last as Gurux's
    /// general-ciphering code writes it; the others in the same style from
    /// the ASN.1 names).
    func guruxXML(suite: SecuritySuite) -> XMLNode {
        let alternative: XMLNode
        switch self {
        case let .identifiedKey(keyId):
            alternative = .node("IdentifiedKey", [], [
                .comment(keyId.description), .value("KeyId", Hex.encode([keyId.rawValue])),
            ])
        case let .wrappedKey(kekId, data):
            alternative = .node("WrappedKey", [], [
                .comment(kekId.description), .value("KekId", Hex.encode([kekId.rawValue])),
                .value("KeyCipheredData", Hex.encode(data.bytes)),
            ])
        case let .agreedKey(parameters, data):
            var children: [XMLNode] = []
            if let scheme = keyAgreementScheme { children.append(.comment(scheme.description)) }
            children.append(.value("KeyParameters", Hex.encode(parameters.bytes)))
            if let (publicKey, signature) = ephemeralPublicKeyAndSignature(suite: suite) {
                children.append(.comment(
                    "ephemeral public key \(Hex.encode(publicKey)), signature \(Hex.encode(signature))"
                ))
            }
            children.append(.value("KeyCipheredData", Hex.encode(data.bytes)))
            alternative = .node("AgreedKey", [], children)
        }
        return .node("KeyInfo", [], [alternative])
    }
}
