/// The state of a dump block while its lines arrive: which offset radices are
/// still consistent with its lines, how many bytes it covers, and a pending `*`.
///
/// A line continues the block when its offset equals the start offset plus the
/// bytes covered so far, in a radix that every earlier line agreed with. After
/// a `*` line, the next offset may lie further on; the gap is filled by
/// repeating the last line. When a `*` comes before the radix is settled, the
/// preferred radix is the first that gives a gap that is a whole number of
/// lines: octal first for 7-digit offsets with byte tokens (`od -t x1`), hex
/// first otherwise (`hexdump -C`, `hexdump`, Wireshark); `xxd` is always hex.
struct HexDumpBlock {
    let style: HexDumpLine.Style
    /// Bytes per line, set by the first line; longer lines are cut to it (the rest is text column).
    let width: Int
    private let start: HexDumpOffset
    /// Radices consistent with every line so far, in order of preference.
    private(set) var radices: [HexDumpOffset.Radix]
    /// Bytes the block covers, repeated and dropped ones included.
    private(set) var covered = 0
    /// The previous line's bytes, for `*`.
    private(set) var lastLine: [UInt8]
    /// The line number of a `*` not yet expanded.
    var pendingRepeat: Int?

    init(first line: HexDumpLine) {
        style = line.style
        width = max(line.bytes.count, 1)
        start = line.offset
        lastLine = line.bytes
        covered = line.bytes.count
        let preferred: [HexDumpOffset.Radix] = switch line.style {
        case .xxd: [.hex]
        case .bytes where line.offsetDigits == 7: [.octal, .hex, .decimal]
        default: [.hex, .octal, .decimal]
        }
        radices = preferred.filter { line.offset.value(in: $0) != nil }
    }

    /// How an offset continues the block: the radices that agree and the bytes a pending
    /// `*` stands for; nil when the offset does not continue the block.
    func continuation(at offset: HexDumpOffset) -> (radices: [HexDumpOffset.Radix], gap: Int)? {
        var exact: [HexDumpOffset.Radix] = []
        var gaps: [(radix: HexDumpOffset.Radix, gap: Int)] = []
        for radix in radices {
            guard let base = start.value(in: radix), let value = offset.value(in: radix) else { continue }
            let (expected, overflow) = base.addingReportingOverflow(covered)
            guard !overflow else { continue }
            if value == expected {
                exact.append(radix)
            } else if pendingRepeat != nil, value > expected {
                gaps.append((radix, value &- expected))
            }
        }
        if pendingRepeat != nil, !gaps.isEmpty {
            let whole = gaps.first { !lastLine.isEmpty && $0.gap % lastLine.count == 0 } ?? gaps[0]
            return ([whole.radix], whole.gap)
        }
        return exact.isEmpty ? nil : (exact, 0)
    }

    /// Records a line that continues the block (after `continuation` said so).
    mutating func advance(radices: [HexDumpOffset.Radix], gap: Int, line: [UInt8]) {
        self.radices = radices
        let (total, overflow) = covered.addingReportingOverflow(gap)
        covered = overflow ? Int.max : total
        let (next, overflowAgain) = covered.addingReportingOverflow(line.count)
        covered = overflowAgain ? Int.max : next
        if !line.isEmpty { lastLine = line }
        pendingRepeat = nil
    }

    /// Whether `offset` is one byte short of the covered length in some agreeing radix: the
    /// end of a 16-bit word dump of an odd number of bytes, whose last word was zero-padded.
    func endsInPaddedWord(_ offset: HexDumpOffset) -> Bool {
        guard style == .littleEndianWords else { return false }
        return radices.contains { radix in
            guard let base = start.value(in: radix), let value = offset.value(in: radix) else { return false }
            let (expected, overflow) = base.addingReportingOverflow(covered)
            return !overflow && value &+ 1 == expected
        }
    }
}
