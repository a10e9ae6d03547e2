/// The suite 1/2 material of a whole `KeyStore`, read once (files parsed,
/// points checked on their curves): `KeyStore.asymmetricKeyring()` builds it.
public struct AsymmetricKeyring: Sendable {
    public var defaultKeys: AsymmetricKeySet
    public var meters: [[UInt8]: AsymmetricKeySet]
    public var clients: [[UInt8]: AsymmetricKeySet]

    public init(
        defaultKeys: AsymmetricKeySet = AsymmetricKeySet(), meters: [[UInt8]: AsymmetricKeySet] = [:],
        clients: [[UInt8]: AsymmetricKeySet] = [:]
    ) {
        self.defaultKeys = defaultKeys
        self.meters = meters
        self.clients = clients
    }

    public var isEmpty: Bool { defaultKeys.isEmpty && meters.isEmpty && clients.isEmpty }

    /// The material of the party with `systemTitle` in `role` (nil role: meters, then
    /// clients), merged over the default entry, and which entry answered.
    public func keys(for systemTitle: [UInt8]?, role: KeyRole?) -> (keys: AsymmetricKeySet, entry: KeySource) {
        guard let systemTitle else { return (defaultKeys, .default) }
        if role != .client, let entry = meters[systemTitle] {
            return (entry.merged(over: defaultKeys), .meter(systemTitle))
        }
        if role != .meter, let entry = clients[systemTitle] {
            return (entry.merged(over: defaultKeys), .client(systemTitle))
        }
        return (defaultKeys, .default)
    }
}
