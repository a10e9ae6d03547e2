import DLMSCore

/// Turns the lines of a hex log into captured byte chunks and findings.
///
/// A line-driven state machine, with no I/O: feed it lines (without their line
/// ends) in order, then call `finish()`. It yields each unit as the log groups
/// it, as a `.serial` packet numbered by the line the unit starts on; it does
/// not split frames. Formats are recognised line by line (see `HexLogLine`):
/// - one hex unit per line, with optional label, date and time, and direction
///   prefixes (`HexDataLine`);
/// - offset-prefixed dumps from `hexdump`, `od`, `xxd` and Wireshark
///   (`HexDumpLine`, `HexDumpBlock`): consecutive lines whose offsets continue
///   each other form one unit;
/// - bracketed logger blocks (`HexLogBlockHeader`): the hex lines after a
///   `[time - Received N bytes]` header, up to a blank line or the next header;
/// - comments (`#`, `//`, `;`), `key=value` lines and blank lines, skipped.
///
/// A line it cannot read becomes a `hex-line-unparsed` finding with the line
/// number and the character column, and ends any open block. Timestamps come
/// only from a full date and time, converted to UTC when the log gives a zone
/// and taken as UTC otherwise. Directions assume that the logging host is the
/// client (see `HexLogDirection`).
public struct HexLogParser: Sendable {
    /// The longest line a reader passes on; longer ones are skipped with a finding.
    public static let maxLineLength = 16 << 20
    /// The most bytes one packet holds; a longer block continues in another packet.
    public static let maxUnitLength = 16 << 20
    /// The most bytes `*` lines may expand to in one log, over all its dumps.
    public static let maxRepeatedBytes = 256 << 20

    private var unit: HexLogUnit?
    private var dump: HexDumpBlock?
    /// The open logger block: its header's line and announced byte count.
    private var logger: (header: Int, announced: Int?)?
    private var repeatBudget = maxRepeatedBytes

    public init() {}

    /// Reads one line (without its line end; a leading UTF-8 BOM is skipped).
    public mutating func consume(line: ArraySlice<UInt8>, number: Int) -> [CaptureEvent] {
        var events: [CaptureEvent] = []
        let base = line.starts(with: [0xEF, 0xBB, 0xBF]) ? line.dropFirst(3) : line
        let text = HexLogText.trimmed(base)
        if let junk = text.firstIndex(where: HexLogText.isBinary) {
            close(into: &events)
            let reason = "binary data (control byte 0x\(Hex.encode([text[junk]])))"
            events.append(.finding(Self.unparsed(reason, line: base, index: junk, number: number)))
            return events
        }
        let context: HexLogLine.Context = dump != nil ? .dump : logger != nil ? .logger : .none
        switch HexLogLine.classify(text, context: context) {
        case .blank:
            close(into: &events)
        case .ignored:
            break
        case .repeatMarker:
            if dump != nil {
                if dump?.pendingRepeat == nil { dump?.pendingRepeat = number }
            } else {
                close(into: &events)
                let reason = "'*' (repeat) outside a dump"
                events.append(.finding(Self.unparsed(reason, line: base, index: text.startIndex, number: number)))
            }
        case let .header(header):
            close(into: &events)
            unit = HexLogUnit(number: number, timestamp: header.timestamp, direction: header.direction)
            logger = (number, header.announcedLength)
            guard !header.rest.isEmpty else { break }
            if case let .data(data) = HexDataLine.parse(header.rest), !data.hasPrefix {
                unit?.append(data.bytes, line: number, into: &events)
            } else {
                let reason = "text after a block header is not hex"
                unit?.findings.append(Self.unparsed(reason, line: base, index: header.rest.startIndex, number: number))
            }
        case let .dump(line):
            continueOrStartDump(with: line, number: number, into: &events)
        case let .dumpEnd(offset):
            endDump(at: offset, number: number, into: &events)
        case let .data(data):
            if logger != nil, !data.hasPrefix {
                unit?.append(data.bytes, line: number, into: &events)
            } else {
                close(into: &events)
                events.append(.packet(CapturedPacket(
                    number: number, timestamp: data.timestamp, linkType: .serial, data: data.bytes,
                    direction: data.direction
                )))
            }
        case let .unparsed(index, reason):
            close(into: &events)
            events.append(.finding(Self.unparsed(reason, line: base, index: index, number: number)))
        }
        return events
    }

    /// Notes a line the reader skipped because it exceeds `maxLineLength`.
    public mutating func skipOverlongLine(number: Int) -> [CaptureEvent] {
        var events: [CaptureEvent] = []
        close(into: &events)
        events.append(.finding(Finding(
            .resourceLimit, "line longer than \(Self.maxLineLength >> 20) MiB skipped",
            packet: number, offset: Self.maxLineLength
        )))
        return events
    }

    /// Ends the log: emits the unit still open.
    public mutating func finish() -> [CaptureEvent] {
        var events: [CaptureEvent] = []
        close(into: &events)
        return events
    }

    // MARK: Blocks

    private mutating func continueOrStartDump(with line: HexDumpLine, number: Int, into events: inout [CaptureEvent]) {
        if let block = dump, block.style == line.style, let (radices, gap) = block.continuation(at: line.offset) {
            expandRepeat(gap, into: &events)
            let bytes = Array(line.bytes.prefix(block.width))
            unit?.append(bytes, line: number, into: &events)
            dump?.advance(radices: radices, gap: gap, line: bytes)
            return
        }
        close(into: &events)
        dump = HexDumpBlock(first: line)
        unit = HexLogUnit(number: number)
        unit?.append(line.bytes, line: number, into: &events)
    }

    private mutating func endDump(at offset: HexDumpOffset, number: Int, into events: inout [CaptureEvent]) {
        guard let block = dump else { return }
        if let (radices, gap) = block.continuation(at: offset) {
            expandRepeat(gap, into: &events)
            dump?.advance(radices: radices, gap: gap, line: [])
        } else if block.endsInPaddedWord(offset) {
            unit?.removeLastByte()
        } else {
            unit?.findings.append(Finding(
                .hexLengthMismatch,
                "dump ends at offset \(offset.text), but its lines hold \(block.covered) bytes",
                packet: number
            ))
        }
        close(into: &events)
    }

    /// Fills the gap after a `*` line with copies of the previous line, within the bounds.
    private mutating func expandRepeat(_ gap: Int, into events: inout [CaptureEvent]) {
        guard gap > 0, let block = dump, let room = unit?.room else { return }
        let fill = min(gap, room, repeatBudget)
        unit?.appendRepeating(block.lastLine, count: fill)
        repeatBudget -= fill
        if fill < gap {
            unit?.findings.append(Finding(
                .resourceLimit,
                "'*' stands for \(gap) repeated bytes; \(gap - fill) left out (bound: \(Self.maxUnitLength >> 20) MiB per unit)",
                packet: block.pendingRepeat, offset: 0
            ))
        }
    }

    /// Emits the open unit with its findings and forgets the block.
    private mutating func close(into events: inout [CaptureEvent]) {
        if let star = dump?.pendingRepeat {
            unit?.findings.append(Finding(
                .hexLineUnparsed, "'*' (repeat) is not followed by a continuing offset; repeated lines left out",
                packet: star, offset: 0
            ))
        }
        if let logger, let announced = logger.announced, let found = unit?.total, announced != found {
            unit?.findings.append(Finding(
                .hexLengthMismatch, "block announces \(announced) bytes, its hex lines hold \(found)",
                packet: logger.header
            ))
        }
        unit?.emit(into: &events)
        unit = nil
        dump = nil
        logger = nil
    }

    /// A `hex-line-unparsed` finding quoting at most 20 characters of the line.
    private static func unparsed(_ reason: String, line: ArraySlice<UInt8>, index: Int, number: Int) -> Finding {
        Finding(
            .hexLineUnparsed, "\(reason): \"\(HexLogText.excerpt(line, from: index))\"",
            packet: number, offset: HexLogText.column(of: index, in: line)
        )
    }
}
