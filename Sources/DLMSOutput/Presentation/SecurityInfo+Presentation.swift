import DLMSAnalysis
import DLMSCore
import DLMSSecurity

// The security object of the JSON contract, and the one-line verdict used
// in XML comments and text lines. Keys never appear here.
extension SecurityInfo {
    /// The members of the JSON `security` object; a plaintext holding a key is withheld unless
    /// `showSecrets`.
    func jsonFields(showSecrets: Bool) -> [Field] {
        FieldTreeBuilder.build { writeJSONMembers(showSecrets: showSecrets, &$0) }
    }

    func writeJSONMembers<S: FieldSink>(showSecrets: Bool, _ sink: inout S) {
        sink.text("envelope", envelope)
        sink.integer("securityControl", securityControl)
        sink.integer("suite", suite)
        sink.boolean("authenticated", authenticated)
        sink.boolean("encrypted", encrypted)
        sink.text("key", key.rawValue)
        if let systemTitle { sink.bytes("systemTitle", systemTitle) }
        if let systemTitleSource { sink.text("systemTitleSource", systemTitleSource) }
        if let keySource { sink.text("keySource", keySource) }
        sink.integer("invocationCounter", invocationCounter)
        sink.text("tag", tag.rawValue)
        if let signature { sink.text("signature", signature.rawValue) } else { sink.null("signature") }
        sink.boolean("decrypted", decrypted)
        if let certificate { sink.field(Field("certificate", .fields(certificate.fields))) }
        if plaintextHoldsSecret && !showSecrets {
            sink.null("plaintext")
            sink.text("plaintextWithheld", "it holds the dedicated key (--show-secrets shows it)")
        } else if let plaintext {
            sink.bytes("plaintext", plaintext)
        } else {
            sink.null("plaintext")
        }
    }

    /// `decrypted, tag valid (IC 291, title 4D4D4D0000BC614E from the association)`.
    var verdict: String {
        var text = decrypted ? "decrypted" : "not decrypted"
        switch tag {
        case .valid: text += ", tag valid: authentic"
        case .invalid: text += ", TAG INVALID: not authentic"
        case .unchecked: text += ", tag unchecked: authenticity unknown"
        case .absent: text += authenticated || !encrypted ? "" : ", no tag (encryption only): authenticity unknown"
        }
        if let signature { text += ", signature \(signature.rawValue)" }
        if let certificate { text += " (\(certificate.line))" }
        text += ", IC \(invocationCounter)"
        if let systemTitle {
            text += ", title \(Hex.encode(systemTitle))" + (systemTitleSource.map { " from the \($0)" } ?? "")
        }
        return text
    }

    /// The short form for text lines.
    var summary: String {
        let protection = authenticated && encrypted ? "auth+enc" : authenticated ? "auth" : encrypted ? "enc" : "plain"
        var text = "[\(envelope) \(protection)"
        text += decrypted ? "" : " NOT DECRYPTED"
        switch tag {
        case .valid: text += " tag valid"
        case .invalid: text += " TAG INVALID"
        case .unchecked: text += " tag unchecked"
        case .absent: break
        }
        switch signature {
        case .valid?: text += " signature valid"
        case .invalid?: text += " SIGNATURE INVALID"
        case .unchecked?: text += " signature unchecked"
        case nil: break
        }
        return text + "]"
    }
}

extension HLSResult {
    var jsonFields: [Field] {
        var fields: [Field] = [
            .integer("mechanism", mechanism), .text("result", result.rawValue), .text("responder", responder.rawValue),
        ]
        if let reason { fields.append(.text("reason", reason)) }
        return fields
    }
}
