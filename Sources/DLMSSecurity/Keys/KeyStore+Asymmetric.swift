import DLMSCore

// Reading the suite 1/2 material a keys file names: PEM/DER files and hex
// keys become OpenSSL keys and certificates once, when the keys are loaded.
extension KeyStore {
    /// Every entry's private keys, public keys and certificate read and checked, and one
    /// problem per value that cannot be used (a missing or unreadable file, a key of the
    /// wrong kind, a point not on its curve). Problems never quote key material.
    public func asymmetricKeyring() -> (keyring: AsymmetricKeyring, problems: [KeysFileError]) {
        var problems: [KeysFileError] = []
        func resolve(_ keys: KeySet, entry: String) -> AsymmetricKeySet {
            var resolved = AsymmetricKeySet()
            func attempt<Value>(_ field: String, _ read: () throws(SecurityError) -> Value?) -> Value? {
                do {
                    return try read()
                } catch {
                    problems.append(KeysFileError(file: nil, entry: entry, field: field, problem: "cannot be used: \(error.message)"))
                    return nil
                }
            }
            resolved.agreementKey = attempt("agreement-key") { () throws(SecurityError) in try keys.agreementKey.map(Self.privateKey) }
            resolved.signingKey = attempt("signing-key") { () throws(SecurityError) in try keys.signingKey.map(Self.privateKey) }
            resolved.agreementPublicKey = attempt("agreement-public-key") { () throws(SecurityError) in
                try keys.agreementPublicKey.map(Self.publicKey)
            }
            resolved.signingPublicKey = attempt("signing-public-key") { () throws(SecurityError) in
                try keys.signingPublicKey.map(Self.publicKey)
            }
            resolved.certificate = attempt("certificate") { () throws(SecurityError) in
                try keys.certificate.map { path throws(SecurityError) in try X509Certificate(contentsOfFile: path) }
            }
            return resolved
        }
        var keyring = AsymmetricKeyring(defaultKeys: resolve(defaultKeys, entry: "[default]"))
        for (title, keys) in meters where keys.hasAsymmetricMaterial {
            keyring.meters[title] = resolve(keys, entry: "[[meter]] (system-title \(Hex.encode(title)))")
        }
        for (title, keys) in clients where keys.hasAsymmetricMaterial {
            keyring.clients[title] = resolve(keys, entry: "[[client]] (system-title \(Hex.encode(title)))")
        }
        problems.sort { $0.description < $1.description }
        return (keyring, problems)
    }

    private static func privateKey(_ reference: PrivateKeyReference) throws(SecurityError) -> ECPrivateKey {
        switch reference {
        case .pemFile(let path): try ECPrivateKey(contentsOfFile: path)
        case .scalar(let bytes): try ECPrivateKey(scalar: bytes)
        }
    }

    private static func publicKey(_ reference: PublicKeyReference) throws(SecurityError) -> ECPublicKey {
        switch reference {
        case .pemFile(let path): try ECPublicKey(contentsOfFile: path)
        case .point(let bytes): try ECPublicKey(point: bytes)
        }
    }
}

extension KeySet {
    /// Whether the entry names any suite 1/2 key or certificate.
    var hasAsymmetricMaterial: Bool {
        agreementKey != nil || signingKey != nil || agreementPublicKey != nil || signingPublicKey != nil
            || certificate != nil
    }
}
