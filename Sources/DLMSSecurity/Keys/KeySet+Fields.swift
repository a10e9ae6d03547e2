extension KeySet {
    /// The bytes of an AES key field (`ek`, `ak`, `bk`, `dk`, `kek`), the HLS
    /// secret or the password; nil for the other fields.
    public subscript(bytes field: KeyField) -> [UInt8]? {
        switch field {
        case .ek: ek
        case .ak: ak
        case .bk: bk
        case .dk: dk
        case .kek: kek
        case .hlsSecret: hlsSecret
        case .password: password
        case .agreementKey, .signingKey, .agreementPublicKey, .signingPublicKey, .certificate: nil
        }
    }

    /// Whether `field` has a value.
    public func has(_ field: KeyField) -> Bool {
        switch field {
        case .ek, .ak, .bk, .dk, .kek, .hlsSecret, .password: self[bytes: field] != nil
        case .agreementKey: agreementKey != nil
        case .signingKey: signingKey != nil
        case .agreementPublicKey: agreementPublicKey != nil
        case .signingPublicKey: signingPublicKey != nil
        case .certificate: certificate != nil
        }
    }

    /// The fields that have a value, in file order.
    public var presentFields: [KeyField] { KeyField.allCases.filter(has) }

    /// Whether no field (nor the name) is set.
    public var isEmpty: Bool { name == nil && presentFields.isEmpty }
}
