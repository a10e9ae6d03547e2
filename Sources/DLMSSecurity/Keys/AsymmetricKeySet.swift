/// One keys-file entry's suite 1/2 material, read from its files and hex
/// values: private agreement and signing keys, the peer's public keys, and
/// its certificate. Never printed: the private keys redact themselves.
public struct AsymmetricKeySet: Sendable {
    public var agreementKey: ECPrivateKey?
    public var signingKey: ECPrivateKey?
    public var agreementPublicKey: ECPublicKey?
    public var signingPublicKey: ECPublicKey?
    public var certificate: X509Certificate?

    public init(
        agreementKey: ECPrivateKey? = nil, signingKey: ECPrivateKey? = nil, agreementPublicKey: ECPublicKey? = nil,
        signingPublicKey: ECPublicKey? = nil, certificate: X509Certificate? = nil
    ) {
        self.agreementKey = agreementKey
        self.signingKey = signingKey
        self.agreementPublicKey = agreementPublicKey
        self.signingPublicKey = signingPublicKey
        self.certificate = certificate
    }

    public var isEmpty: Bool {
        agreementKey == nil && signingKey == nil && agreementPublicKey == nil && signingPublicKey == nil
            && certificate == nil
    }

    /// The key that checks this party's signatures: its signing public key, else its
    /// certificate's key when the certificate may sign (no key usage, or digitalSignature),
    /// else the public half of its signing private key.
    public var signatureVerificationKey: ECPublicKey? {
        if let signingPublicKey { return signingPublicKey }
        if let certificate, certificate.keyUsage.map({ $0.contains(.digitalSignature) }) ?? true,
           let key = certificate.publicKey {
            return key
        }
        return signingKey?.publicKey
    }

    /// This party's static key-agreement public key: given, else its certificate's key when
    /// the certificate is for key agreement, else the public half of its agreement private key.
    public var agreementVerificationKey: ECPublicKey? {
        if let agreementPublicKey { return agreementPublicKey }
        if let certificate, certificate.keyUsage?.contains(.keyAgreement) == true, let key = certificate.publicKey {
            return key
        }
        return agreementKey?.publicKey
    }

    /// Field by field, this entry's material over `base`'s.
    public func merged(over base: AsymmetricKeySet) -> AsymmetricKeySet {
        AsymmetricKeySet(
            agreementKey: agreementKey ?? base.agreementKey, signingKey: signingKey ?? base.signingKey,
            agreementPublicKey: agreementPublicKey ?? base.agreementPublicKey,
            signingPublicKey: signingPublicKey ?? base.signingPublicKey, certificate: certificate ?? base.certificate
        )
    }
}
