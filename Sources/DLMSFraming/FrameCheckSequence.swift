/// CRC-16/X.25 as HDLC uses it for HCS and FCS (IEC 62056-46 §5.4.1, from
/// ISO/IEC 13239): reflected polynomial 0x8408, initial value 0xFFFF, final
/// complement; sent least-significant byte first.
public enum FrameCheckSequence {
    private static let table: [UInt16] = (0..<256).map { index in
        var value = UInt16(truncatingIfNeeded: index)
        for _ in 0..<8 { value = value & 1 != 0 ? (value >> 1) ^ 0x8408 : value >> 1 }
        return value
    }

    public static func compute<C: Collection>(_ bytes: C) -> UInt16 where C.Element == UInt8 {
        var crc: UInt16 = 0xFFFF
        for byte in bytes {
            crc = (crc >> 8) ^ table[Int((crc ^ UInt16(byte)) & 0xFF)]  // widening
        }
        return ~crc
    }

    /// Whether `bytes` end with the correct check sequence (low byte first) over what precedes it.
    public static func isValid(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard bytes.count >= 2 else { return false }
        let body = bytes.dropLast(2)
        let sent = UInt16(bytes[bytes.endIndex - 2]) | UInt16(bytes[bytes.endIndex - 1]) << 8  // widening
        return compute(body) == sent
    }
}
