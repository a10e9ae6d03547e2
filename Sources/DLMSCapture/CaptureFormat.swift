/// The kind of an input file, told from its first bytes (never its name).
public enum CaptureFormat: Sendable, Hashable {
    case pcap
    case pcapng
    /// Text: a hex log in one of the formats `HexLogParser` reads.
    case hexLog
    /// Binary content that is no capture format; readable only with `--raw`.
    case unknownBinary
    /// An empty input.
    case empty

    /// How many leading bytes `detect` looks at.
    public static let probeLength = 4096

    /// Detects the format from the first bytes of a file.
    public static func detect<C: Collection>(_ prefix: C) -> CaptureFormat where C.Element == UInt8 {
        let head = Array(prefix.prefix(probeLength))
        guard !head.isEmpty else { return .empty }
        if head.count >= 4 {
            let magic = UInt32(head[0]) << 24 | UInt32(head[1]) << 16 | UInt32(head[2]) << 8 | UInt32(head[3])  // widening
            switch magic {
            // microsecond and nanosecond pcap, both byte orders, and the modified (Kuznetsov) format
            case 0xA1B2_C3D4, 0xD4C3_B2A1, 0xA1B2_3C4D, 0x4D3C_B2A1, 0xA1B2_CD34, 0x34CD_B2A1:
                return .pcap
            case 0x0A0D_0D0A:
                return .pcapng
            default:
                break
            }
        }
        return looksLikeText(head) ? .hexLog : .unknownBinary
    }

    /// Text: no NUL bytes, and nearly all bytes printable ASCII, whitespace or UTF-8.
    static func looksLikeText(_ bytes: [UInt8]) -> Bool {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        guard !body.contains(0) else { return false }
        let control = body.reduce(into: 0) { count, byte in
            if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D, byte != 0x0C { count += 1 }
        }
        return control * 100 <= body.count
    }
}
