/// The keys known for one party (or for every party: the default entry).
/// Every field is optional; a lookup merges a party's entry over the default.
///
/// Its descriptions (`description`, `debugDescription`, mirrors) show which
/// fields are set and their lengths, never the key material.
public struct KeySet: Sendable, Hashable {
    /// A label for the entry (`name = "Wiener Netze IM350"`).
    public var name: String?
    /// Global unicast encryption key (16 or 32 bytes).
    public var ek: [UInt8]?
    /// Authentication key (16 or 32 bytes).
    public var ak: [UInt8]?
    /// Global broadcast encryption key (16 or 32 bytes).
    public var bk: [UInt8]?
    /// Dedicated key (16 or 32 bytes), normally learned from the AARQ.
    public var dk: [UInt8]?
    /// Master key, the key-encryption key of key transport (16 or 32 bytes).
    public var kek: [UInt8]?
    /// The HLS secret (mechanisms 2, 3, 4), as bytes.
    public var hlsSecret: [UInt8]?
    /// The LLS password, as bytes.
    public var password: [UInt8]?
    /// Suite 1/2: own key-agreement private key.
    public var agreementKey: PrivateKeyReference?
    /// Suite 1/2: own signing private key.
    public var signingKey: PrivateKeyReference?
    /// Suite 1/2: the party's key-agreement public key.
    public var agreementPublicKey: PublicKeyReference?
    /// Suite 1/2: the party's signing public key.
    public var signingPublicKey: PublicKeyReference?
    /// Suite 1/2: a certificate file (PEM or DER), its path resolved against
    /// the keys file's directory.
    public var certificate: String?

    public init(
        name: String? = nil,
        ek: [UInt8]? = nil,
        ak: [UInt8]? = nil,
        bk: [UInt8]? = nil,
        dk: [UInt8]? = nil,
        kek: [UInt8]? = nil,
        hlsSecret: [UInt8]? = nil,
        password: [UInt8]? = nil,
        agreementKey: PrivateKeyReference? = nil,
        signingKey: PrivateKeyReference? = nil,
        agreementPublicKey: PublicKeyReference? = nil,
        signingPublicKey: PublicKeyReference? = nil,
        certificate: String? = nil
    ) {
        self.name = name
        self.ek = ek
        self.ak = ak
        self.bk = bk
        self.dk = dk
        self.kek = kek
        self.hlsSecret = hlsSecret
        self.password = password
        self.agreementKey = agreementKey
        self.signingKey = signingKey
        self.agreementPublicKey = agreementPublicKey
        self.signingPublicKey = signingPublicKey
        self.certificate = certificate
    }
}
