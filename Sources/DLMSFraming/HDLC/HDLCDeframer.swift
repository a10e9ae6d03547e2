import DLMSCore

/// Splits one byte stream (a serial line, a TCP direction, the datagrams of a
/// UDP flow) into HDLC frames of frame format type 3 (IEC 62056-46) and
/// joins segmented I/UI frames into whole APDUs.
///
/// Frames are delimited by 0x7E flags and by the length in their format
/// field; there is no octet stuffing. A flag may close one frame and open the
/// next; runs of flags are idle fill. When the closing flag is not where the
/// length says, the frame's real end is looked for a few bytes either side (a
/// flag at which the FCS is right, for a frame whose HCS is right or which has
/// no information) and the frame is reported with `hdlc-length-mismatch`; a
/// frame whose HCS is right but whose closing flag is missing is kept the same
/// way. Other bytes that are not flags are skipped and reported, once per run
/// (of at most 64 KiB), as a `frame-garbage-skipped` event. Frames with a wrong
/// HCS or FCS are decoded and marked, never dropped. The units do not depend
/// on how the stream is chunked.
///
/// Each unit (`kind` `.hdlc`) has these fields, in this order, omitting what
/// does not apply:
/// - `format` (the two format bytes), `segmented`, `length` (the format's frame length);
/// - `destination`, `source`: `address` (the bytes as sent), `upper`, and `lower` for 2- and 4-byte addresses;
/// - `control` (the byte), `frameType` (`I`, `RR`, `RNR`, `REJ`, `SREJ`, `SNRM`, `DISC`, `UA`, `DM`,
///   `FRMR`, `UI`, or `U` for other unnumbered frames), `ns`, `nr`, `pf`;
/// - `hcs` (`valid`/`invalid`, when the frame has one), `fcs`;
/// - I/UI frames: `llc` (the LLC header, `null` when the information has none) and, for a message joined
///   from several frames, `segments`; the `apdu` is the information after the LLC header (nil when the
///   frame has no information);
/// - SNRM/UA: `parameters` (`maxInfoTransmit`, `maxInfoReceive`, `windowTransmit`, `windowReceive`;
///   `null` for a zero-length value, meaning the default: 128 bytes, window 1); FRMR: `frmr`
///   (`rejectedControl`, `vs`, `vr`, `reason`: the W/X/Y/Z bits set); any other information that is
///   shown nowhere else: `information`;
/// - when the direction is known: `client` (the client SAP) and `server` (`upper`, `lower`).
///
/// A joined message has the fields of its last frame, every carrier of every
/// segment and the findings of all its frames. A finding's `offset` is the
/// stream offset of its frame's opening flag, or of the first skipped byte.
/// The direction follows `HDLCLinkDirections`: the LLC header or the frame
/// type, else what those established earlier for the same link, else the
/// address sizes (the client address is the 1-byte one).
public struct HDLCDeframer: Deframer, Sendable {
    static let flag: UInt8 = 0x7E
    /// The least body: format (2), two 1-byte addresses, control, FCS (2).
    static let minimumBodySize = 7
    /// How many bytes either side of where the length says a frame ends its real end is looked for.
    static let endSearchWindow = 8
    /// Skipped bytes reported in one event at most, so a long run of noise keeps few carriers.
    static let maxGarbageRun = 1 << 16

    var buffer = StreamBuffer()
    var garbage = HDLCGarbageRun()
    var segments = HDLCSegmentAssembler()
    var directions = HDLCLinkDirections()
    /// Bytes the buffer must hold before scanning can go on.
    var needed = 1

    public init() {}

    public mutating func append(_ bytes: ArraySlice<UInt8>, from carrier: Carrier, into units: inout [FramedUnit]) {
        buffer.append(bytes, from: carrier)
        guard buffer.count >= needed else { return }
        scan(cut: nil, into: &units)
    }

    /// The bytes held cannot complete: they are reported and framing starts
    /// afresh after the gap. Segmented messages in progress are cut as well.
    public mutating func gap(byteCount: UInt64, at carrier: Carrier, into units: inout [FramedUnit]) {
        flush(.gap, into: &units)
        buffer.removeAll(skipping: byteCount)
        segments.cutAll("cut by a capture gap", loses: true, into: &units)
    }

    /// A datagram ended: frames do not continue into the next one.
    public mutating func endOfUnit(into units: inout [FramedUnit]) {
        flush(.endOfUnit, into: &units)
    }

    public mutating func finish(into units: inout [FramedUnit]) {
        flush(.endOfStream, into: &units)
        segments.cutAll("the stream ended", loses: false, into: &units)
    }

    /// Frames what can still be framed with no more bytes to come, then reports the rest.
    private mutating func flush(_ cut: HDLCGarbageRun.Cut, into units: inout [FramedUnit]) {
        scan(cut: cut, into: &units)
        garbage.event.map { units.append($0) }
        garbage = HDLCGarbageRun()
        buffer.removeAll()
        needed = 1
    }
}
