import DLMSCore

/// The framing a record came in and its header fields, in wire order.
public struct TransportHeader: Sendable, Hashable {
    public var kind: TransportKind
    public var fields: [Field]

    public init(kind: TransportKind, fields: [Field] = []) {
        self.kind = kind
        self.fields = fields
    }
}
