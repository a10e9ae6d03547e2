/// Which way a unit travelled between the DLMS client and server.
public enum Direction: String, Sendable, Hashable, CaseIterable {
    case clientToServer = "client-to-server"
    case serverToClient = "server-to-client"
    case unknown

    /// The opposite direction; `unknown` stays `unknown`.
    public var reversed: Direction {
        switch self {
        case .clientToServer: .serverToClient
        case .serverToClient: .clientToServer
        case .unknown: .unknown
        }
    }
}
