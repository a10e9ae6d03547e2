/// The algorithm a key derived by the suite 1/2 KDF is for; its
/// AlgorithmID, the first field of the KDF's OtherInfo, is the content
/// octets of the object identifier 2.16.756.5.8.3.x (DLMS UA cryptographic
/// algorithm ids; Green Book, key agreement; spec-notes §4.4) [c09, c15].
public enum KeyDerivationAlgorithm: UInt8, Sendable, Hashable, CaseIterable {
    /// aes-gcm-128 (suite 1 ciphering key): 2.16.756.5.8.3.0.
    case aesGCM128 = 0
    /// aes-gcm-256 (suite 2 ciphering key): 2.16.756.5.8.3.1.
    case aesGCM256 = 1
    /// aes-wrap-128: 2.16.756.5.8.3.2.
    case aesWrap128 = 2
    /// aes-wrap-256: 2.16.756.5.8.3.3.
    case aesWrap256 = 3

    /// 60 85 74 05 08 03 x: the OID's content octets, without tag or length.
    public var algorithmID: [UInt8] { [0x60, 0x85, 0x74, 0x05, 0x08, 0x03, rawValue] }

    /// The key length the algorithm takes: 16 or 32 bytes.
    public var keyCount: Int {
        switch self {
        case .aesGCM128, .aesWrap128: 16
        case .aesGCM256, .aesWrap256: 32
        }
    }

    /// The AES-GCM algorithm of a suite's ciphering key.
    public init(cipheringKeyOf curve: ECCurve) {
        switch curve {
        case .p256: self = .aesGCM128
        case .p384: self = .aesGCM256
        }
    }
}
