/// Identifies one direction of one conversation within a capture: a TCP
/// connection's half-stream (a new connection on reused ports gets a new id),
/// a UDP flow, or one direction of a serial line.
public struct StreamID: Sendable, Hashable, CustomStringConvertible {
    /// Numbered in the order conversations are first seen, from 1.
    public var conversation: Int
    /// Which side sent the bytes: the conversation's first sender is side A.
    public var fromSideA: Bool

    public init(conversation: Int, fromSideA: Bool) {
        self.conversation = conversation
        self.fromSideA = fromSideA
    }

    public var description: String { "\(conversation)\(fromSideA ? "a" : "b")" }
}
