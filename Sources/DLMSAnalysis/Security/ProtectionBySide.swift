import DLMSCore

/// A protection for each side of an association, by the direction that side sends in.
/// It stands for a `[Direction: Protection]`, without hashing: the policy check reads it
/// for every APDU of an association.
struct ProtectionBySide: Equatable {
    private var clientToServer: Protection?
    private var serverToClient: Protection?
    private var unknown: Protection?

    subscript(sender: Direction) -> Protection? {
        get {
            switch sender {
            case .clientToServer: clientToServer
            case .serverToClient: serverToClient
            case .unknown: unknown
            }
        }
        set {
            switch sender {
            case .clientToServer: clientToServer = newValue
            case .serverToClient: serverToClient = newValue
            case .unknown: unknown = newValue
            }
        }
    }
}
