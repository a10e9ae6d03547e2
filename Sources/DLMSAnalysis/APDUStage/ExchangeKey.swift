/// Identifies a confirmed exchange within a conversation, so that a response
/// finds its request: the service family and the invoke-id (or, for the
/// association and its release, the family alone).
struct ExchangeKey: Hashable {
    enum Service: Hashable {
        case get, set, action, access, association, release
    }

    var conversation: Int
    var service: Service
    var invokeId: UInt32
}
