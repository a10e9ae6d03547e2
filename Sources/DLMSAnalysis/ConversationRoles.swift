import DLMSCore
import DLMSTransport

/// Client and server roles learned from framing (HDLC addresses, LLC headers)
/// for conversations whose transport could not tell them, so that both
/// directions of the conversation are labelled once one of them is known.
struct ConversationRoles {
    /// Per conversation: whether its side A is the client, and how many of its streams ended.
    private var roles: [Int: (aIsClient: Bool, ended: Int)] = [:]

    mutating func learn(_ direction: Direction, for stream: StreamID) {
        guard direction != .unknown else { return }
        let aIsClient = (direction == .clientToServer) == stream.fromSideA
        roles[stream.conversation] = (aIsClient, roles[stream.conversation]?.ended ?? 0)
    }

    func direction(of stream: StreamID) -> Direction {
        guard let role = roles[stream.conversation] else { return .unknown }
        return role.aIsClient == stream.fromSideA ? .clientToServer : .serverToClient
    }

    /// Forgets a conversation once both its streams ended.
    mutating func ended(_ stream: StreamID) {
        guard var role = roles[stream.conversation] else { return }
        role.ended += 1
        roles[stream.conversation] = role.ended >= 2 ? nil : role
    }
}
