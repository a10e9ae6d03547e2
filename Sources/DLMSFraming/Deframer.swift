/// A streaming decoder of one framing: a value-type state machine that gives
/// the same units whatever the chunking of its input, resynchronises after
/// garbage, and never trusts a length field beyond the bytes present.
public protocol Deframer {
    /// Appends the next bytes of the stream, carried by `carrier`.
    mutating func append(_ bytes: ArraySlice<UInt8>, from carrier: Carrier, into units: inout [FramedUnit])
    /// Bytes are missing here (a capture gap): nothing buffered can complete.
    mutating func gap(byteCount: UInt64, at carrier: Carrier, into units: inout [FramedUnit])
    /// A transport unit (a datagram, a log line that holds whole frames) ended:
    /// bytes left over belong to no frame.
    mutating func endOfUnit(into units: inout [FramedUnit])
    /// The stream ended.
    mutating func finish(into units: inout [FramedUnit])
}
