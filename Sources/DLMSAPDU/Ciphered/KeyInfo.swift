import DLMSCore

/// The key-info of a general-ciphering APDU: how the recipient gets the key
/// that protects the ciphered content (Green Book, General-Ciphering):
///
/// ```
/// Key-Info ::= CHOICE
/// {
///     identified-key  [0] Identified-Key,
///     wrapped-key     [1] Wrapped-Key,
///     agreed-key      [2] Agreed-Key
/// }
/// Identified-Key ::= SEQUENCE { key-id Key-Id }
/// Key-Id ::= ENUMERATED { global-unicast-encryption-key (0), global-broadcast-encryption-key (1) }
/// Wrapped-Key ::= SEQUENCE { kek-id Kek-Id, key-ciphered-data OCTET STRING }
/// Kek-Id ::= ENUMERATED { master-key (0) }
/// Agreed-Key ::= SEQUENCE { key-parameters OCTET STRING, key-ciphered-data OCTET STRING }
/// ```
///
/// A wrapped key is the RFC 3394 output (24 bytes for a 128-bit key, vectors
/// c13, c14). An agreed key's key-parameters name the scheme (`01` One-Pass
/// Diffie-Hellman C(1e, 1s), `02` Static Unified Model C(0e, 2s)); for
/// One-Pass DH its key-ciphered-data is the originator's ephemeral public
/// key (x ‖ y) followed by the ECDSA signature (r ‖ s) over it (vector c11).
public enum KeyInfo: Sendable, Hashable {
    case identifiedKey(KeyID)
    case wrappedKey(kekId: KEKID, keyCipheredData: AXDROctetString)
    case agreedKey(keyParameters: AXDROctetString, keyCipheredData: AXDROctetString)

    /// The CHOICE alternative.
    public var choice: KeyInfoChoice {
        switch self {
        case .identifiedKey: KeyInfoChoice(rawValue: 0)
        case .wrappedKey: KeyInfoChoice(rawValue: 1)
        case .agreedKey: KeyInfoChoice(rawValue: 2)
        }
    }

    /// Reads the CHOICE tag and its alternative (not the OPTIONAL flag before it).
    public init(from reader: inout ByteReader) throws(DecodingError) {
        let offset = reader.position
        guard let choice = reader.readUInt8() else {
            throw DecodingError("data ends where the key-info choice was expected", at: offset)
        }
        switch choice {
        case 0:
            guard let keyId = reader.readUInt8() else {
                throw DecodingError("identified-key needs its key-id byte", at: reader.position)
            }
            self = .identifiedKey(KeyID(rawValue: keyId))
        case 1:
            guard let kekId = reader.readUInt8() else {
                throw DecodingError("wrapped-key needs its kek-id byte", at: reader.position)
            }
            self = .wrappedKey(
                kekId: KEKID(rawValue: kekId), keyCipheredData: try AXDROctetString(from: &reader, what: "key-ciphered-data")
            )
        case 2:
            let parameters = try AXDROctetString(from: &reader, what: "key-parameters")
            self = .agreedKey(
                keyParameters: parameters, keyCipheredData: try AXDROctetString(from: &reader, what: "key-ciphered-data")
            )
        default:
            throw DecodingError(
                "key-info choice \(choice) is none of identified-key (0), wrapped-key (1), agreed-key (2)", at: offset
            )
        }
    }

    /// Appends the CHOICE tag and the alternative.
    public func encode(into bytes: inout [UInt8]) {
        bytes.append(choice.rawValue)
        switch self {
        case let .identifiedKey(keyId):
            bytes.append(keyId.rawValue)
        case let .wrappedKey(kekId, data):
            bytes.append(kekId.rawValue)
            data.encode(into: &bytes)
        case let .agreedKey(parameters, data):
            parameters.encode(into: &bytes)
            data.encode(into: &bytes)
        }
    }

    /// The key agreement scheme of an agreed key whose key-parameters are one byte.
    public var keyAgreementScheme: KeyAgreementScheme? {
        guard case let .agreedKey(parameters, _) = self, parameters.bytes.count == 1, let byte = parameters.bytes.first
        else { return nil }
        return KeyAgreementScheme(rawValue: byte)
    }

    /// For One-Pass Diffie-Hellman: the ephemeral public key (x ‖ y) and its
    /// signature (r ‖ s), split by the public-key size of `suite` (64 bytes
    /// for suite 1, 96 for suite 2); nil for other schemes, other suites, or
    /// a key-ciphered-data whose length is not twice that size.
    public func ephemeralPublicKeyAndSignature(
        suite: SecuritySuite
    ) -> (publicKey: [UInt8], signature: [UInt8])? {
        guard case let .agreedKey(_, data) = self, keyAgreementScheme?.rawValue == 1,
              let size = Self.publicKeyCount(suite: suite), data.bytes.count == 2 * size
        else { return nil }
        return (Array(data.bytes.prefix(size)), Array(data.bytes.suffix(size)))
    }

    /// The size of a public key x ‖ y (and of a signature r ‖ s) on the wire
    /// for an ECC suite: 64 bytes for P-256 (suite 1), 96 for P-384 (suite 2).
    public static func publicKeyCount(suite: SecuritySuite) -> Int? {
        switch suite.rawValue {
        case 1: 64
        case 2: 96
        default: nil
        }
    }
}
