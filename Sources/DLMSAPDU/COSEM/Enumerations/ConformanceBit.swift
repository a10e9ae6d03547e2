/// A bit of the xDLMS conformance block (Green Book, Conformance ::= BIT
/// STRING (SIZE(24))), numbered as the standard does: bit 0 is the most
/// significant bit of the first of the three bytes (`5F 1F 04 00 b0 b1 b2`).
public struct ConformanceBit: COSEMEnumeration {
    public var rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    public static let names: [UInt8: String] = [
        0: "reserved-zero",
        1: "general-protection",
        2: "general-block-transfer",
        3: "read",
        4: "write",
        5: "unconfirmed-write",
        6: "delta-value-encoding",
        7: "reserved-seven",
        8: "attribute0-supported-with-set",
        9: "priority-mgmt-supported",
        10: "attribute0-supported-with-get",
        11: "block-transfer-with-get-or-read",
        12: "block-transfer-with-set-or-write",
        13: "block-transfer-with-action",
        14: "multiple-references",
        15: "information-report",
        16: "data-notification",
        17: "access",
        18: "parameterized-access",
        19: "get",
        20: "set",
        21: "selective-access",
        22: "event-notification",
        23: "action",
    ]

    /// The bit's mask in the 24-bit block value (bit 0 is 0x800000).
    public var mask: UInt32 { rawValue < 24 ? UInt32(1) << (23 - UInt32(rawValue)) : 0 }  // widening

    /// Whether the bit is set in a 24-bit conformance block value.
    public func isSet(in block: UInt32) -> Bool { block & mask != 0 }

    /// The bits set in a 24-bit conformance block, in bit order.
    public static func bits(in block: UInt32) -> [ConformanceBit] {
        (0..<24).map { ConformanceBit(rawValue: UInt8(truncatingIfNeeded: $0)) }.filter { $0.isSet(in: block) }
    }

    /// The names of the bits set in a 24-bit conformance block, in bit order;
    /// `007E1F` gives bits 9-14 and 19-23.
    public static func names(in block: UInt32) -> [String] {
        bits(in: block).compactMap(\.name)
    }

    /// The block value of the three bytes after `5F 1F 04 00`.
    public static func block(_ b0: UInt8, _ b1: UInt8, _ b2: UInt8) -> UInt32 {
        UInt32(b0) << 16 | UInt32(b1) << 8 | UInt32(b2)  // widening
    }
}
