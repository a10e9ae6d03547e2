import DLMSSecurity

extension SuiteSession {
    /// The sample's files under `Samples/`: `<name>-session.pcap`, `.keys.toml`, and PEM files in `<name>/`.
    public struct FileNames: Sendable {
        public let pcap: String
        public let keys: String
        public let clientSigningKey: String
        public let serverSigningKey: String
        public let clientCertificate: String
        public let serverCertificate: String

        /// Whether the file is the same in every generation (not the pcap, not the certificates).
        public func isReproducible(_ name: String) -> Bool {
            ![pcap, clientCertificate, serverCertificate].contains(name)
        }

        public var all: [String] { [pcap, keys, clientSigningKey, serverSigningKey, clientCertificate, serverCertificate] }
    }

    public var fileNames: FileNames {
        FileNames(
            pcap: "\(name)-session.pcap", keys: "\(name)-session.keys.toml",
            clientSigningKey: "\(name)/client-signing-key.pem", serverSigningKey: "\(name)/meter-signing-key.pem",
            clientCertificate: "\(name)/client-certificate.pem", serverCertificate: "\(name)/meter-certificate.pem"
        )
    }

    /// The public point x ‖ y of a signing key, for tests that swap keys.
    public func signingPublicPoint(ofClient: Bool) throws -> [UInt8] {
        let keys = try keyPairs()
        return (ofClient ? keys.clientSigning : keys.serverSigning).publicKey.point
    }

    /// The ephemeral public point x ‖ y a party sends in One-Pass DH.
    public func ephemeralPublicPoint(ofClient: Bool) throws -> [UInt8] {
        let keys = try keyPairs()
        return (ofClient ? keys.clientEphemeral : keys.serverEphemeral).publicKey.point
    }

    /// The key-ciphered-data of a party's wrapped-key key-info (RFC 3394, deterministic).
    public func wrappedContentKey(ofClient: Bool) throws -> [UInt8] {
        try AESKeyWrap.wrap(ofClient ? clientContentKey : serverContentKey, kek: kek)
    }

    /// The session's key pairs, from the fixed scalars.
    public struct KeyPairs: Sendable {
        public let clientSigning: ECPrivateKey
        public let serverSigning: ECPrivateKey
        public let clientAgreement: ECPrivateKey
        public let serverAgreement: ECPrivateKey
        public let clientEphemeral: ECPrivateKey
        public let serverEphemeral: ECPrivateKey
    }

    public func keyPairs() throws -> KeyPairs {
        KeyPairs(
            clientSigning: try ECPrivateKey(curve: curve, scalar: clientSigningScalar),
            serverSigning: try ECPrivateKey(curve: curve, scalar: serverSigningScalar),
            clientAgreement: try ECPrivateKey(curve: curve, scalar: clientAgreementScalar),
            serverAgreement: try ECPrivateKey(curve: curve, scalar: serverAgreementScalar),
            clientEphemeral: try ECPrivateKey(curve: curve, scalar: clientEphemeralScalar),
            serverEphemeral: try ECPrivateKey(curve: curve, scalar: serverEphemeralScalar)
        )
    }
}
