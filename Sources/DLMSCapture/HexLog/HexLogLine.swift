/// What one hex-log line is, told from its text and the block it may continue.
enum HexLogLine {
    /// The block a line may continue, which decides how ambiguous lines read.
    enum Context {
        case none
        /// Inside a dump: any offset line belongs to dumps, an offset alone ends one.
        case dump
        /// Inside a logger block: lines are plain hex, never dump lines.
        case logger
    }

    /// An empty line: it ends a block.
    case blank
    /// A `#`, `//` or `;` comment or a `key=value` line: skipped, and blocks go on around it.
    case ignored
    /// `*`: the previous dump line repeats until the next offset.
    case repeatMarker
    case header(HexLogBlockHeader)
    case dump(HexDumpLine)
    /// An offset alone inside a dump: where the dumped bytes end.
    case dumpEnd(HexDumpOffset)
    case data(HexDataLine)
    /// Not understood: the index in the line where reading failed, and why.
    case unparsed(index: Int, reason: String)

    /// Classifies a line without leading or trailing whitespace.
    ///
    /// Outside a dump, an offset line starts one only when its offset is 0, it
    /// has a delimited text column, or it is `xxd` output (`00000000:`);
    /// otherwise (`20170912 7E A0 ...`, `7EA027 0102 ...`) it is read as a
    /// plain hex line with a prefix. An offset alone outside a dump is plain hex.
    static func classify(_ line: ArraySlice<UInt8>, context: Context) -> HexLogLine {
        guard let first = line.first else { return .blank }
        if first == UInt8(ascii: "#") || first == UInt8(ascii: ";") || line.starts(with: "//".utf8) {
            return .ignored
        }
        if line.count == 1, first == UInt8(ascii: "*") { return .repeatMarker }
        if let header = HexLogBlockHeader.parse(line) { return .header(header) }
        if context != .logger {
            switch HexDumpLine.parse(line) {
            case let .line(dump) where context == .dump || dump.offset.isZero || dump.hasTextColumn || dump.style == .xxd:
                return .dump(dump)
            case let .offsetOnly(offset) where context == .dump:
                return .dumpEnd(offset)
            case let .malformed(offset, index, reason) where context == .dump || offset.isZero:
                return .unparsed(index: index, reason: reason)
            default:
                break
            }
        }
        switch HexDataLine.parse(line) {
        case let .data(data): return .data(data)
        case .keyValue: return .ignored
        case let .unparsed(index, reason): return .unparsed(index: index, reason: reason)
        }
    }
}
