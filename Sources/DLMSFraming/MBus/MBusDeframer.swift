import DLMSCore

/// Splits a wired M-Bus byte stream (EN 13757-2) into frames and joins the
/// DLMS segments they carry (CI 0x00...0x1F, EN 13757-1) into APDUs.
///
/// Long frames are delimited by their L field, confirmed by the stop byte and
/// checksum; a frame whose checksum is wrong is still decoded and marked
/// (`mbus-checksum-invalid`). A frame whose L field is only the low byte of
/// its length (meters that cannot express more than 255) is delimited at
/// L + 256 or at the next frame header and marked (`mbus-length-invalid`).
/// Bytes that start no frame are skipped and reported, one
/// `frame-garbage-skipped` event per run. Short frames, control frames, the
/// E5 acknowledgement and frames of other M-Bus applications become units
/// without an APDU. A short frame counts only with a valid checksum, and an
/// E5 only where a frame may start (not inside a run of garbage): five bytes,
/// or one, are too few to tell a damaged frame from noise.
///
/// Direction is left unknown: a push from the meter is an SND_UD from the
/// primary station, like a client's request, so the C field does not tell
/// which of the DLMS client and server sent a frame.
public struct MBusDeframer: Deframer {
    private var buffer = StreamBuffer()
    /// The run of skipped bytes not reported yet: its length, the stream offset of its first byte, its carriers.
    private var garbage: (count: Int, offset: UInt64, carriers: [Carrier])?
    private var reassembler = MBusReassembler()

    public init() {}

    public mutating func append(_ bytes: ArraySlice<UInt8>, from carrier: Carrier, into units: inout [FramedUnit]) {
        buffer.append(bytes, from: carrier)
        extract(final: false, into: &units)
    }

    public mutating func gap(byteCount: UInt64, at carrier: Carrier, into units: inout [FramedUnit]) {
        flush("before a capture gap", into: &units)
        buffer.removeAll(skipping: byteCount)
        reassembler.cutOff(because: "a capture gap of \(byteCount) bytes followed", into: &units)
    }

    public mutating func endOfUnit(into units: inout [FramedUnit]) {
        flush("at the end of the unit", into: &units)
    }

    public mutating func finish(into units: inout [FramedUnit]) {
        flush("at the end of the stream", into: &units)
        reassembler.cutOff(because: "the stream ended", into: &units)
    }

    /// Decodes every frame in the buffer and reports the rest: no more bytes will complete them.
    private mutating func flush(_ position: String, into units: inout [FramedUnit]) {
        extract(final: true, into: &units)
        reportGarbage("\(position) belong to no complete M-Bus frame", into: &units)
    }

    /// Takes frames from the start of the buffer while they can be delimited;
    /// when `final`, until the buffer is empty. Each pass consumes at least one byte or returns.
    private mutating func extract(final: Bool, into units: inout [FramedUnit]) {
        while !buffer.isEmpty {
            switch MBusFrameDelimiter.delimit(buffer, final: final, acceptsAcknowledgement: garbage == nil) {
            case .needMore:
                return
            case .noFrame:
                skipGarbage()
            case let .frame(length, delimitation):
                guard let frame = MBusFrame(buffer.slice(0..<length)) else {
                    skipGarbage()
                    continue
                }
                reportGarbage("skipped before an M-Bus frame", into: &units)
                let packet = buffer.carrier(at: length - 1)?.packet
                emit(frame, delimitation, carriers: buffer.drop(length), packet: packet, into: &units)
            }
        }
    }

    private mutating func emit(
        _ frame: MBusFrame, _ delimitation: MBusFrameDelimiter.Delimitation, carriers: [Carrier], packet: Int?,
        into units: inout [FramedUnit]
    ) {
        var findings: [Finding] = []
        if !frame.isLengthFieldValid, let stated = frame.lengthField {
            let how = switch delimitation {
            case .nextFrameHeader: "it ends where the next frame's header begins"
            case .asStated, .lowByteOfLength:
                frame.isChecksumValid ? "its stop byte and checksum are at L + 256" : "its stop byte is at L + 256"
            }
            findings.append(Finding(
                .mbusLengthInvalid,
                "the L field reads \(stated) (0x\(Hex.encode([stated]))), but the frame holds \(frame.dataLength) "
                    + "bytes from C to the end of the data (\(frame.dataLength + 6) in all): \(how)",
                packet: packet
            ))
        }
        if !frame.isChecksumValid, let sent = frame.checksum, let sum = frame.computedChecksum {
            findings.append(Finding(
                .mbusChecksumInvalid,
                "the checksum is 0x\(Hex.encode([sent])), the sum of the frame's bytes is 0x\(Hex.encode([sum]))",
                packet: packet
            ))
        }
        if let segment = frame.dlmsSegment {
            reassembler.add(frame, segment, carriers: carriers, findings: findings, into: &units)
            return
        }
        if frame.format == .long, let ci = frame.ci, MBusDLMSSegment.isDLMS(ci: ci) {
            findings.append(Finding(
                .mbusSegmentIncomplete,
                "CI 0x\(Hex.encode([ci])) announces a DLMS segment, but \(frame.data.count) byte after CI "
                    + "cannot hold STSAP and DTSAP",
                packet: packet
            ))
        }
        units.append(FramedUnit(kind: .mbus, fields: frame.fields, carriers: carriers, findings: findings))
    }

    /// Drops the first byte and every following byte that cannot start a frame, adding them to the run of garbage.
    private mutating func skipGarbage() {
        var end = 1
        while let byte = buffer[end], !MBusFrameDelimiter.canStartFrame(byte, acceptsAcknowledgement: false) {
            end += 1
        }
        let offset = buffer.streamOffset
        let carriers = buffer.drop(end)
        guard garbage != nil else {
            garbage = (end, offset, carriers)
            return
        }
        // Mutated in place: a copy of the run would copy its carriers on every skip.
        garbage?.count += end
        for carrier in carriers where carrier != garbage?.carriers.last { garbage?.carriers.append(carrier) }
    }

    private mutating func reportGarbage(_ what: String, into units: inout [FramedUnit]) {
        guard let run = garbage else { return }
        garbage = nil
        units.append(.event(
            Finding(.frameGarbageSkipped, "\(run.count) \(run.count == 1 ? "byte" : "bytes") \(what)",
                    packet: run.carriers.first?.packet, offset: Int(clamping: run.offset)),
            carriers: run.carriers
        ))
    }
}
