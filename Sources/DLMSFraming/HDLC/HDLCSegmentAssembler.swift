import DLMSCore

/// Joins the information fields of segmented I- and UI-frames into messages,
/// per link (IEC 62056-46: the S bit is set on every
/// segment but the last; only the first segment starts with the LLC header).
///
/// A sequence is cut off, and reported as `hdlc-segment-incomplete` without
/// passing its bytes on, when a new message starts on the same link (a frame
/// with an LLC header), at a capture gap, or at the end of the stream. After a
/// gap (or a bound reached), the link's next frames without an LLC header are
/// the rest of the lost message: they are counted up to its last segment and
/// reported the same way, never passed on. Held bytes are bounded per link and
/// in the number of links (`resource-limit`).
struct HDLCSegmentAssembler: Sendable {
    /// A message complete at the frame just taken: one frame's or several joined.
    struct Message: Sendable {
        /// The LLC header of the first frame, removed from `apdu`.
        var llc: LLCHeader?
        var apdu: [UInt8]
        var segments: Int
        var carriers: [Carrier]
        var findings: [Finding]
    }

    /// Frame bytes held per link at most (1 MiB).
    static let maxPendingBytes = 1 << 20
    /// Links with a sequence in progress at most.
    static let maxLinks = 64

    private struct Pending: Sendable {
        var link: HDLCLink
        var message: Message
        /// Bytes of the frames taken, headers included, so empty segments count too.
        var frameBytes: Int
        /// Set when the message's start was lost (and why): its frames are only counted.
        var lost: String?
    }

    /// Sequences in progress, oldest first (an array keeps reports in a fixed order).
    private var pending: [Pending] = []

    /// Takes an I- or UI-frame of `link` whose LLC header (if any) is `llc`;
    /// returns the message it completes. Events for cut-off sequences go to `units`.
    mutating func take(
        _ frame: HDLCFrame, on link: HDLCLink, llc: LLCHeader?, carriers: [Carrier], into units: inout [FramedUnit]
    ) -> Message? {
        let information = Array(frame.information.dropFirst(llc == nil ? 0 : LLCHeader.length))
        if llc != nil, let index = pending.firstIndex(where: { $0.link == link }) {
            cut(at: index, .hdlcSegmentIncomplete, "a new message started on the same link", into: &units)
        }
        guard let index = pending.firstIndex(where: { $0.link == link }) else {
            let message = Message(
                llc: llc, apdu: information, segments: 1, carriers: carriers, findings: frame.findings)
            guard frame.isSegmented else { return message }
            if pending.count >= Self.maxLinks {
                cut(at: 0, .resourceLimit, "more than \(Self.maxLinks) links with segments in progress", into: &units)
            }
            pending.append(Pending(link: link, message: message, frameBytes: frame.bodySize))
            return nil
        }

        if pending[index].lost == nil { pending[index].message.apdu += information }
        pending[index].message.segments += 1
        Self.append(carriers, to: &pending[index].message.carriers)
        pending[index].message.findings += frame.findings
        pending[index].frameBytes &+= frame.bodySize
        if pending[index].frameBytes > Self.maxPendingBytes {
            cut(at: index, .resourceLimit, "more than \(Self.maxPendingBytes) bytes held", loses: true, into: &units)
            return nil
        }
        guard !frame.isSegmented else { return nil }
        if pending[index].lost != nil {
            cut(at: index, .hdlcSegmentIncomplete, "its last segment arrived", into: &units)
            return nil
        }
        return pending.remove(at: index).message
    }

    /// Cuts every sequence in progress (`reason`: "cut by a capture gap", ...).
    /// With `loses`, the links' next frames without LLC are taken as the lost messages' rest.
    mutating func cutAll(_ reason: String, loses: Bool, into units: inout [FramedUnit]) {
        for _ in pending.indices {
            cut(at: 0, .hdlcSegmentIncomplete, reason, loses: loses, into: &units)
        }
    }

    /// Appends `carriers` to `list`, skipping repeats of the last one (a packet that held two frames).
    static func append(_ carriers: [Carrier], to list: inout [Carrier]) {
        for carrier in carriers where carrier != list.last {
            list.append(carrier)
        }
    }

    /// Reports the sequence at `index` and removes it; with `loses`, a fresh
    /// entry at the end waits for the rest of the message.
    private mutating func cut(
        at index: Int, _ code: Finding.Code, _ reason: String, loses: Bool = false, into units: inout [FramedUnit]
    ) {
        let dropped = pending.remove(at: index)
        let message = dropped.message
        if message.segments > 0 {
            let text = if let lost = dropped.lost {
                "\(message.segments) segments of a message whose start was lost (\(lost)) dropped: \(reason)"
            } else {
                "segmented message dropped after \(message.segments) segments (\(message.apdu.count) bytes): \(reason)"
            }
            var unit = FramedUnit.event(Finding(code, "link \(dropped.link): \(text)"), carriers: message.carriers)
            unit.findings += message.findings
            units.append(unit)
        }
        guard loses else { return }
        let rest = Message(llc: nil, apdu: [], segments: 0, carriers: [], findings: [])
        pending.append(Pending(link: dropped.link, message: rest, frameBytes: 0, lost: dropped.lost ?? reason))
    }
}
