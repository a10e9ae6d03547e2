/// The key-parameters of an agreed-key in general-ciphering key-info: the
/// key agreement scheme (Green Book, NIST SP 800-56A schemes).
public struct KeyAgreementScheme: COSEMEnumeration {
    public var rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    public static let names: [UInt8: String] = [
        1: "one-pass-diffie-hellman",
        2: "static-unified-model",
    ]
}
