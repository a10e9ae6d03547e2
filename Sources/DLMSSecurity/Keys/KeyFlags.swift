/// The command-line key flags, as given (text). `KeyStore.apply(_:)` checks
/// them and puts them over the keys file's default entry.
public struct KeyFlags: Sendable, Hashable {
    /// `--ek`: global unicast encryption key, hex.
    public var ek: String?
    /// `--ak`: authentication key, hex.
    public var ak: String?
    /// `--bk`: global broadcast encryption key, hex.
    public var bk: String?
    /// `--dk`: dedicated key, hex.
    public var dk: String?
    /// `--client-system-title`: hex, 8 bytes.
    public var clientSystemTitle: String?
    /// `--server-system-title`: hex, 8 bytes.
    public var serverSystemTitle: String?
    /// `--password`: the LLS password as text.
    public var password: String?
    /// `--hls-secret`: the HLS secret as text.
    public var hlsSecret: String?

    public init(
        ek: String? = nil,
        ak: String? = nil,
        bk: String? = nil,
        dk: String? = nil,
        clientSystemTitle: String? = nil,
        serverSystemTitle: String? = nil,
        password: String? = nil,
        hlsSecret: String? = nil
    ) {
        self.ek = ek
        self.ak = ak
        self.bk = bk
        self.dk = dk
        self.clientSystemTitle = clientSystemTitle
        self.serverSystemTitle = serverSystemTitle
        self.password = password
        self.hlsSecret = hlsSecret
    }

    /// Whether no flag was given.
    public var isEmpty: Bool { self == KeyFlags() }
}
