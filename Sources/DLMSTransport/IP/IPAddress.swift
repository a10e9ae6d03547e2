/// An IPv4 or IPv6 address.
public enum IPAddress: Sendable, Hashable {
    case v4(UInt32)
    /// The 16 address bytes, as two big-endian halves.
    case v6(high: UInt64, low: UInt64)

    /// Reads an address from exactly 4 or 16 bytes.
    public init?<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        switch bytes.count {
        case 4:
            self = .v4(bytes.reduce(0) { $0 << 8 | UInt32($1) })  // widening
        case 16:
            let high = bytes.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            let low = bytes.dropFirst(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            self = .v6(high: high, low: low)
        default:
            return nil
        }
    }
}

extension IPAddress: CustomStringConvertible {
    /// Dotted quad for IPv4; RFC 5952 text (lower case, longest zero run as `::`) for IPv6.
    public var description: String {
        switch self {
        case let .v4(value):
            return "\(value >> 24).\(value >> 16 & 0xFF).\(value >> 8 & 0xFF).\(value & 0xFF)"
        case let .v6(high, low):
            let groups = (0..<4).map { UInt16(truncatingIfNeeded: high >> (48 - 16 * $0)) }
                + (0..<4).map { UInt16(truncatingIfNeeded: low >> (48 - 16 * $0)) }
            // The longest run of two or more zero groups (the first one on a tie) becomes "::".
            var best = (start: -1, length: 0)
            var run = (start: -1, length: 0)
            for (index, group) in groups.enumerated() {
                if group == 0 {
                    run = run.start < 0 ? (index, 1) : (run.start, run.length + 1)
                    if run.length > best.length { best = run }
                } else {
                    run = (-1, 0)
                }
            }
            func text(_ range: Range<Int>) -> String {
                groups[range].map { String($0, radix: 16) }.joined(separator: ":")
            }
            guard best.length >= 2 else { return text(0..<8) }
            return text(0..<best.start) + "::" + text((best.start + best.length)..<8)
        }
    }
}
