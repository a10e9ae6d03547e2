import DLMSCore

/// Splits a TCP stream or UDP datagrams into IEC 62056-47 WRAPPER PDUs.
///
/// In a stream, PDUs follow each other back to back and may span segments.
/// When the bytes at hand are no valid header (a capture that starts
/// mid-PDU, garbage, a gap), the deframer skips to the next position holding
/// version 1 followed, after the header, by a known APDU tag, and reports the
/// skipped bytes. A datagram is decoded when it ends: its PDUs must fill it
/// exactly (`wrapper-length-mismatch` otherwise), and a version other than 1
/// is reported (`wrapper-version-invalid`) rather than skipped.
public struct WrapperDeframer: Deframer {
    private let datagrams: Bool
    private var buffer = StreamBuffer()
    /// After garbage or at the start of a stream, a header is only trusted if an APDU tag follows it.
    private var synchronised = false
    private var garbage: (count: Int, offset: UInt64, carriers: [Carrier])?

    /// `datagrams`: the input comes as datagrams (UDP), each ended by `endOfUnit()`.
    public init(datagrams: Bool = false) {
        self.datagrams = datagrams
    }

    public mutating func append(_ bytes: ArraySlice<UInt8>, from carrier: Carrier, into units: inout [FramedUnit]) {
        buffer.append(bytes, from: carrier)
        if !datagrams { extractFromStream(into: &units) }
    }

    public mutating func gap(byteCount: UInt64, at carrier: Carrier, into units: inout [FramedUnit]) {
        discard(.frameGarbageSkipped, "bytes cut by a capture gap belong to no complete WRAPPER PDU", into: &units)
        buffer.removeAll(skipping: byteCount)
        synchronised = false
    }

    public mutating func endOfUnit(into units: inout [FramedUnit]) {
        guard datagrams else { return }
        while let header = WrapperHeader(buffer.bytes) {
            var findings: [Finding] = []
            let last = buffer.carrier(at: 0)?.packet
            if !header.isValid {
                findings.append(Finding(.wrapperVersionInvalid, "WRAPPER version is \(header.version), not 1", packet: last))
            }
            let available = buffer.count - WrapperHeader.length
            if header.payloadLength > available {
                findings.append(Finding(
                    .wrapperLengthMismatch,
                    "the header announces \(header.payloadLength) bytes, the datagram holds \(available)", packet: last
                ))
            }
            let (bytes, carriers) = buffer.consume(WrapperHeader.length + min(header.payloadLength, available))
            units.append(FramedUnit(
                kind: .wrapper, fields: header.fields, apdu: Array(bytes.dropFirst(WrapperHeader.length)),
                carriers: carriers, findings: findings
            ))
        }
        discard(.wrapperLengthMismatch, "bytes after the last WRAPPER PDU of the datagram", into: &units)
    }

    public mutating func finish(into units: inout [FramedUnit]) {
        if datagrams { endOfUnit(into: &units) }
        discard(.frameGarbageSkipped, "bytes at the end of the stream belong to no complete WRAPPER PDU", into: &units)
    }

    private mutating func extractFromStream(into units: inout [FramedUnit]) {
        while let header = WrapperHeader(buffer.bytes) {
            guard header.isValid, synchronised || isPlausible(at: 0) else {
                skipToNextCandidate()
                continue
            }
            let total = WrapperHeader.length + header.payloadLength
            guard buffer.count >= total else { return }
            flushGarbage(into: &units)
            let (bytes, carriers) = buffer.consume(total)
            units.append(FramedUnit(
                kind: .wrapper, fields: header.fields, apdu: Array(bytes.dropFirst(WrapperHeader.length)),
                carriers: carriers
            ))
            synchronised = true
        }
    }

    /// A version-1 header at `index` followed by a known APDU tag (or by nothing yet: a header
    /// whose bytes have not all arrived may still be one). A header announcing no APDU has no
    /// tag to check: it is no place to synchronise on.
    private func isPlausible(at index: Int) -> Bool {
        guard buffer[index] == 0 else { return false }
        guard let version = buffer[index + 1] else { return true }
        guard version == 1 else { return false }
        if buffer[index + 6] == 0, buffer[index + 7] == 0 { return false }
        guard let tag = buffer[index + WrapperHeader.length] else { return true }
        return APDUTag.isKnown(tag)
    }

    /// Drops bytes up to the next position that could start a PDU.
    private mutating func skipToNextCandidate() {
        var index = 1
        while index < buffer.count, !isPlausible(at: index) { index += 1 }
        if garbage == nil { garbage = (0, buffer.streamOffset, []) }
        // Mutated in place (a copy would copy its carriers on every skip); carriers come in stream order.
        garbage?.count += index
        for carrier in buffer.drop(index) where carrier != garbage?.carriers.last { garbage?.carriers.append(carrier) }
        synchronised = false
    }

    private mutating func flushGarbage(into units: inout [FramedUnit]) {
        guard let pending = garbage else { return }
        garbage = nil
        units.append(.event(
            Finding(.frameGarbageSkipped, "\(pending.count) bytes skipped before a WRAPPER header",
                    packet: pending.carriers.first?.packet, offset: Int(clamping: pending.offset)),
            carriers: pending.carriers
        ))
    }

    /// Reports and drops everything buffered, with the garbage skipped just before it as one
    /// run: where the skipping stopped depends on how the bytes were chunked (a possible
    /// header at the end is held back until its bytes arrive), the run does not.
    private mutating func discard(_ code: Finding.Code, _ what: String, into units: inout [FramedUnit]) {
        guard !buffer.isEmpty else {
            flushGarbage(into: &units)
            return
        }
        var run = garbage ?? (0, buffer.streamOffset, [])
        garbage = nil
        run.count += buffer.count
        for carrier in buffer.drop(buffer.count) where carrier != run.carriers.last { run.carriers.append(carrier) }
        units.append(.event(
            Finding(code, "\(run.count) \(what)", packet: run.carriers.first?.packet, offset: Int(clamping: run.offset)),
            carriers: run.carriers
        ))
    }
}
