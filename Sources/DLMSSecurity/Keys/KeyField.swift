/// A key-material field of a `KeySet`, named as in the keys file.
public enum KeyField: String, Sendable, Hashable, CaseIterable {
    case ek
    case ak
    case bk
    case dk
    case kek
    case hlsSecret = "hls-secret"
    case password
    case agreementKey = "agreement-key"
    case signingKey = "signing-key"
    case agreementPublicKey = "agreement-public-key"
    case signingPublicKey = "signing-public-key"
    case certificate

    /// The field's name in a keys file.
    public var name: String { rawValue }

    /// The AES keys, each 16 or 32 bytes.
    public static let symmetricKeys: [KeyField] = [.ek, .ak, .bk, .dk, .kek]
}
