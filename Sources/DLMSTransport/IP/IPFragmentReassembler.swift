import DLMSCore

/// Reassembles fragmented IPv4 and IPv6 datagrams (RFC 791 §3.2, RFC 8200 §4.5).
///
/// State is bounded: a datagram may not exceed 64 KiB plus a header's worth,
/// and at most `maxPendingDatagrams` wait at once; the oldest is given up
/// (with a finding) when another one starts.
struct IPFragmentReassembler {
    struct Key: Hashable {
        var source: IPAddress
        var destination: IPAddress
        var identification: UInt32
        var protocolNumber: UInt8
    }

    /// A datagram whose fragments all arrived.
    struct Datagram {
        var payload: [UInt8]
        var packets: [Int]
        var findings: [Finding]
    }

    /// Fragments given up on, for the caller to report.
    struct Abandoned {
        var finding: Finding
        var packets: [Int]
        var time: Timestamp?
    }

    private struct Pending {
        var pieces: [(offset: Int, bytes: ArraySlice<UInt8>)] = []
        var totalLength: Int?
        var packets: [Int] = []
        var time: Timestamp?
        var received = 0
    }

    static let maxDatagramLength = 65_535 + 40
    static let maxPendingDatagrams = 1024
    static let maxFragmentsPerDatagram = 1024

    private var pending: [Key: Pending] = [:]

    /// Adds one fragment; returns the datagram once it is complete, and any
    /// datagram given up to make room.
    mutating func add(
        _ packet: IPPacket, fragment: IPPacket.Fragment, number: Int, time: Timestamp?
    ) -> (datagram: Datagram?, abandoned: [Abandoned]) {
        let key = Key(
            source: packet.source, destination: packet.destination,
            identification: fragment.identification, protocolNumber: packet.protocolNumber
        )
        var abandoned: [Abandoned] = []
        let end = fragment.offset + packet.payload.count
        guard end <= Self.maxDatagramLength else {
            let finding = Finding(
                .packetMalformed, "IP fragment ends at byte \(end), beyond the largest possible datagram",
                packet: number
            )
            return (nil, [Abandoned(finding: finding, packets: [number], time: time)])
        }
        if pending[key] == nil, pending.count >= Self.maxPendingDatagrams, let oldest = oldestKey() {
            abandoned.append(give(up: oldest, reason: "too many datagrams waiting for fragments"))
        }
        var entry = pending[key] ?? Pending()
        entry.pieces.append((fragment.offset, packet.payload))
        entry.packets.append(number)
        entry.time = time
        entry.received += packet.payload.count
        if !fragment.moreFragments { entry.totalLength = end }
        if entry.pieces.count > Self.maxFragmentsPerDatagram {
            pending[key] = entry
            abandoned.append(give(up: key, reason: "more than \(Self.maxFragmentsPerDatagram) fragments"))
            return (nil, abandoned)
        }
        if let total = entry.totalLength, entry.received >= total, let datagram = Self.assemble(entry, total: total) {
            pending[key] = nil
            return (datagram, abandoned)
        }
        pending[key] = entry
        return (nil, abandoned)
    }

    /// Gives up every datagram still waiting (end of capture).
    mutating func finish() -> [Abandoned] {
        let keys = pending.keys.sorted { (pending[$0]?.packets.first ?? 0) < (pending[$1]?.packets.first ?? 0) }
        return keys.map { give(up: $0, reason: "the capture ends") }
    }

    private func oldestKey() -> Key? {
        pending.min { ($0.value.packets.first ?? 0) < ($1.value.packets.first ?? 0) }?.key
    }

    private mutating func give(up key: Key, reason: String) -> Abandoned {
        let entry = pending.removeValue(forKey: key) ?? Pending()
        let finding = Finding(
            .ipFragmentIncomplete,
            "IP datagram \(key.source) -> \(key.destination) id \(key.identification): "
                + "\(entry.pieces.count) fragment\(entry.pieces.count == 1 ? "" : "s"), \(entry.received) bytes, "
                + "never completed (\(reason))",
            packet: entry.packets.first
        )
        return Abandoned(finding: finding, packets: entry.packets, time: entry.time)
    }

    /// Joins the pieces if they cover 0..<total without a hole; the first copy of overlapping bytes wins.
    private static func assemble(_ entry: Pending, total: Int) -> Datagram? {
        let pieces = entry.pieces.sorted { $0.offset < $1.offset }
        var payload: [UInt8] = []
        payload.reserveCapacity(total)
        var overlapped = false
        for piece in pieces {
            guard piece.offset <= payload.count else { return nil }  // a hole
            let skip = payload.count - piece.offset
            if skip > 0 { overlapped = true }
            let wanted = min(total, piece.offset + piece.bytes.count) - payload.count
            if wanted > 0 { payload.append(contentsOf: piece.bytes.dropFirst(skip).prefix(wanted)) }
        }
        guard payload.count == total else { return nil }
        let findings = overlapped
            ? [Finding(.packetMalformed, "overlapping IP fragments: the first copy of each byte was kept",
                       packet: entry.packets.last)]
            : []
        return Datagram(payload: payload, packets: entry.packets, findings: findings)
    }
}
