import DLMSCore

/// Joins the DLMS segments of M-Bus frames into complete messages, one message
/// in progress per (A field, STSAP, DTSAP).
///
/// A message is the concatenation of its fragments with counters 0, 1, 2, …
/// up to the one marked last; the CI holds four bits of the counter, so it
/// continues 15, 0, 1, … in a message of more than 16 segments, and a 0
/// starts a new message only where the counter was not due to wrap. A message
/// cut off — by a new first segment, a counter that skips, a gap or the end
/// of the stream — becomes an `mbus-segment-incomplete` event, and its bytes
/// are never passed on as an APDU.
///
/// Pending state is bounded (`resource-limit`): a message that would take the
/// bytes held beyond `maximumPendingBytes` is reported and its later segments
/// are absorbed silently up to its last; beyond `maximumPendingMessages`, the
/// oldest message in progress is reported and forgotten.
struct MBusReassembler: Sendable {
    struct Key: Sendable, Hashable {
        var address: UInt8
        var sourceTSAP: UInt8
        var destinationTSAP: UInt8
    }

    /// A message whose last segment has not come yet.
    private struct Pending: Sendable {
        var key: Key
        var bytes: [UInt8] = []
        var carriers: [Carrier] = []
        var findings: [Finding] = []
        var frames = 0
        var nextCounter: UInt8 = 0
        /// Reported already for exceeding the byte bound: its segments are counted, not kept.
        var isDropped = false

        mutating func add(_ segment: MBusDLMSSegment, carriers more: [Carrier], findings new: [Finding]) {
            if !isDropped {
                bytes += segment.fragment
                for carrier in more where carrier != carriers.last { carriers.append(carrier) }
                findings += new
            }
            frames += 1
            nextCounter = (segment.counter &+ 1) & 0x0F
        }
    }

    static let maximumPendingBytes = 1 << 20
    static let maximumPendingMessages = 64

    /// In the order the messages began, so that what is cut off at the end is reported in a stable order.
    private var pending: [Pending] = []
    private var pendingByteCount = 0

    /// Takes the next frame carrying a DLMS segment; appends the units it completes or cuts off.
    mutating func add(
        _ frame: MBusFrame, _ segment: MBusDLMSSegment, carriers: [Carrier], findings: [Finding],
        into units: inout [FramedUnit]
    ) {
        let key = Key(
            address: frame.address ?? 0, sourceTSAP: segment.sourceTSAP, destinationTSAP: segment.destinationTSAP
        )
        var message = take(key) ?? Pending(key: key)
        if segment.counter != message.nextCounter || message.frames == 0 {
            if message.frames > 0, !message.isDropped {
                guard segment.counter == 0 else {
                    let due = message.nextCounter
                    message.add(segment, carriers: carriers, findings: findings)
                    units.append(Self.incomplete(message, "segment \(segment.counter) came where \(due) was due"))
                    return
                }
                units.append(Self.incomplete(message, "a new first segment began"))
            }
            message = Pending(key: key)
            guard segment.counter == 0 else {
                message.add(segment, carriers: carriers, findings: findings)
                units.append(Self.incomplete(message, "segment \(segment.counter) came without the segments before it"))
                return
            }
        }
        let held = pendingByteCount + message.bytes.count + segment.fragment.count
        if !message.isDropped, held > Self.maximumPendingBytes {
            message.add(segment, carriers: carriers, findings: findings)
            units.append(Self.incomplete(
                message, "its segments were dropped",
                limit: "more than \(Self.maximumPendingBytes) bytes of DLMS messages in progress over M-Bus"
            ))
            message.bytes = []
            message.carriers = []
            message.findings = []
            message.isDropped = true
        } else {
            message.add(segment, carriers: carriers, findings: findings)
        }
        guard !segment.isLast else {
            guard !message.isDropped else { return }
            var fields = frame.fields
            if message.frames > 1 { fields.append(.integer("segments", message.frames)) }
            units.append(FramedUnit(
                kind: .mbus, fields: fields, apdu: message.bytes, carriers: message.carriers, findings: message.findings
            ))
            return
        }
        if pending.count >= Self.maximumPendingMessages, let oldest = take(at: 0), !oldest.isDropped {
            units.append(Self.incomplete(
                oldest, "it was forgotten",
                limit: "more than \(Self.maximumPendingMessages) DLMS messages in progress over M-Bus"
            ))
        }
        pending.append(message)
        pendingByteCount += message.bytes.count
    }

    /// Reports every message in progress as cut off (a capture gap, the end of the stream).
    mutating func cutOff(because reason: String, into units: inout [FramedUnit]) {
        for message in pending where !message.isDropped { units.append(Self.incomplete(message, reason)) }
        pending.removeAll()
        pendingByteCount = 0
    }

    /// Removes and returns the message in progress for `key`.
    private mutating func take(_ key: Key) -> Pending? {
        pending.firstIndex { $0.key == key }.flatMap { take(at: $0) }
    }

    private mutating func take(at index: Int) -> Pending? {
        guard pending.indices.contains(index) else { return nil }
        let message = pending.remove(at: index)
        pendingByteCount -= message.bytes.count
        return message
    }

    /// The event for a message that will never complete; `limit` names the bound that dropped it.
    private static func incomplete(_ message: Pending, _ reason: String, limit: String? = nil) -> FramedUnit {
        let key = message.key
        let packet = message.carriers.last?.packet
        var unit = FramedUnit.event(
            Finding(
                .mbusSegmentIncomplete,
                "incomplete DLMS message from M-Bus address \(key.address), TSAP \(key.sourceTSAP) to "
                    + "\(key.destinationTSAP): \(message.frames) \(message.frames == 1 ? "frame" : "frames"), "
                    + "\(message.bytes.count) bytes; \(reason)",
                packet: packet
            ),
            carriers: message.carriers
        )
        if let limit { unit.findings.insert(Finding(.resourceLimit, limit, packet: packet), at: 0) }
        unit.findings += message.findings
        return unit
    }
}
