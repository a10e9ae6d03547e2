extension KeySet: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The name and, for each field set, its length or path: never key material.
    public var description: String {
        var parts: [String] = []
        if let name { parts.append("name: \"\(name)\"") }
        for field in presentFields {
            parts.append("\(field.name): \(summary(of: field))")
        }
        return "KeySet(\(parts.joined(separator: ", ")))"
    }

    public var debugDescription: String { description }

    /// A mirror with the redacted summary only, so that `dump` and test
    /// failure messages cannot print a key.
    public var customMirror: Mirror {
        Mirror(self, children: ["summary": description], displayStyle: .struct)
    }

    private func summary(of field: KeyField) -> String {
        switch field {
        case .ek, .ak, .bk, .dk, .kek, .hlsSecret, .password: "\(self[bytes: field]?.count ?? 0) bytes"
        case .agreementKey: agreementKey?.description ?? ""
        case .signingKey: signingKey?.description ?? ""
        case .agreementPublicKey: agreementPublicKey?.description ?? ""
        case .signingPublicKey: signingPublicKey?.description ?? ""
        case .certificate: certificate.map { "file \($0)" } ?? ""
        }
    }
}
