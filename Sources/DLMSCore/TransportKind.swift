/// The framing that carried a record's unit, as the JSON contract names it.
public enum TransportKind: String, Sendable, Hashable, CaseIterable {
    case wrapper
    case hdlc
    case mbus
    case iec61334 = "iec61334-4-32"
    /// Bare APDU bytes with no framing.
    case raw
    /// No framing decoded: a transport-level unit or an event.
    case none
}
