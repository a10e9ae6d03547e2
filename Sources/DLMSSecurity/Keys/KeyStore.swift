/// The keys a test lab holds: a default entry, and entries per system title
/// for meters and for clients (a title appears at most once per role).
///
/// Load one from a keys file (`KeyStore(contentsOfFile:)`), apply the
/// command-line key flags (`apply(_:)`), then look keys up by the sender's
/// system title (`lookup(forSender:role:)`).
public struct KeyStore: Sendable, Hashable {
    /// The `[default]` entry, with the key flags applied over it.
    public var defaultKeys: KeySet
    /// `[[meter]]` entries by system title (8 bytes).
    public var meters: [[UInt8]: KeySet]
    /// `[[client]]` entries by system title (8 bytes).
    public var clients: [[UInt8]: KeySet]
    /// The client's system title to use when the traffic does not reveal it
    /// (`--client-system-title`, or `client-system-title` in `[default]`).
    public var defaultClientSystemTitle: [UInt8]?
    /// The server's system title to use when the traffic does not reveal it
    /// (`--server-system-title`, or `server-system-title` in `[default]`).
    public var defaultServerSystemTitle: [UInt8]?

    public init(
        defaultKeys: KeySet = KeySet(),
        meters: [[UInt8]: KeySet] = [:],
        clients: [[UInt8]: KeySet] = [:],
        defaultClientSystemTitle: [UInt8]? = nil,
        defaultServerSystemTitle: [UInt8]? = nil
    ) {
        self.defaultKeys = defaultKeys
        self.meters = meters
        self.clients = clients
        self.defaultClientSystemTitle = defaultClientSystemTitle
        self.defaultServerSystemTitle = defaultServerSystemTitle
    }

    /// The entries of one role, by system title.
    public func entries(_ role: KeyRole) -> [[UInt8]: KeySet] {
        switch role {
        case .meter: meters
        case .client: clients
        }
    }

    /// Whether the store holds nothing at all.
    public var isEmpty: Bool {
        defaultKeys.isEmpty && meters.isEmpty && clients.isEmpty
            && defaultClientSystemTitle == nil && defaultServerSystemTitle == nil
    }
}
