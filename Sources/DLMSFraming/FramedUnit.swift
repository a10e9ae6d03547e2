import DLMSCore

/// What the framing stage hands on: one link frame with its header fields and
/// the complete APDU it carries (LLC removed, segments joined), a link frame
/// that carries none, or an event (garbage skipped, a sequence cut off).
public struct FramedUnit: Sendable {
    public var kind: TransportKind
    /// Header fields in wire order, for every output format.
    public var fields: [Field]
    /// The complete APDU; nil when the unit carries none.
    public var apdu: [UInt8]?
    /// Every packet that carried a byte of the unit, in stream order.
    public var carriers: [Carrier]
    public var findings: [Finding]
    /// The sender's role as the framing reveals it (HDLC addresses, LLC), if it does.
    public var direction: Direction?

    public init(
        kind: TransportKind, fields: [Field] = [], apdu: [UInt8]? = nil, carriers: [Carrier],
        findings: [Finding] = [], direction: Direction? = nil
    ) {
        self.kind = kind
        self.fields = fields
        self.apdu = apdu
        self.carriers = carriers
        self.findings = findings
        self.direction = direction
    }

    /// An event that belongs to no frame.
    public static func event(_ finding: Finding, carriers: [Carrier]) -> FramedUnit {
        FramedUnit(kind: .none, carriers: carriers, findings: [finding])
    }
}
