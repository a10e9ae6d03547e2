import DLMSAPDU
import DLMSCore

// The parts of a ciphered content (SC ‖ IC ‖ text ‖ tag) as JSON members and
// as the comment that explains them in XML.
extension CipheredContent {
    /// `securityControl` (the byte) and its parts, `invocationCounter`, then
    /// `ciphertext` (E, A+E) or `plaintext` (A only, or no protection) and
    /// `tag` (when authenticated), bytes in hex.
    func jsonFields() -> [Field] {
        let control = securityControl
        var fields: [Field] = [
            .integer("securityControl", control.rawValue),
            .integer("suite", control.suiteID),
        ]
        if let name = control.suite.name { fields.append(.text("suiteName", name)) }
        fields += [
            .boolean("authenticated", control.authenticated),
            .boolean("encrypted", control.encrypted),
            .boolean("broadcastKey", control.broadcastKey),
            .boolean("compressed", control.compressed),
            .integer("invocationCounter", invocationCounter),
            .bytes(isEncrypted ? "ciphertext" : "plaintext", text),
        ]
        if let tag { fields.append(.bytes("tag", tag)) }
        return fields
    }

    /// "security control 30: suite 0 (AES-GCM-128), authenticated and
    /// encrypted, unicast key; invocation counter 19088743 (01234567);
    /// 13 bytes of ciphertext, tag 7D82...".
    var securityComment: String {
        let control = securityControl
        let suite = control.suite.name.map { "suite \(control.suiteID) (\($0))" } ?? "suite \(control.suiteID) (reserved)"
        let policy = switch (control.authenticated, control.encrypted) {
        case (true, true): "authenticated and encrypted"
        case (true, false): "authenticated only"
        case (false, true): "encrypted only"
        case (false, false): "neither authenticated nor encrypted"
        }
        var text = "security control \(Hex.encode([control.rawValue])): \(suite), \(policy), "
        text += control.broadcastKey ? "broadcast key" : "unicast key"
        if control.compressed { text += ", compressed" }
        text += "; invocation counter \(invocationCounter) (\(Hex.encode(header.invocationCounterBytes)))"
        text += "; \(self.text.count) bytes of \(isEncrypted ? "ciphertext" : "plaintext")"
        if let tag { text += ", tag \(Hex.encode(tag))" } else { text += ", no tag" }
        return text
    }

    /// The key the envelope names, in the vocabulary of the record's
    /// `security.key`: "global-unicast", "global-broadcast" or "dedicated".
    func keyName(_ kind: CipheringKeyKind) -> String {
        switch kind {
        case .dedicated: "dedicated"
        case .global: securityControl.broadcastKey ? "global-broadcast" : "global-unicast"
        }
    }
}
