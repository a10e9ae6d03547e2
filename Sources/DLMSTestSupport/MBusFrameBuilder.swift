/// Builds wired M-Bus frames (EN 13757-2) with correct checksums, and splits
/// an APDU into DLMS-segmented long frames, for tests and the Samples.
public enum MBusFrameBuilder {
    /// The single-character acknowledgement.
    public static let acknowledgement: [UInt8] = [0xE5]

    /// The sum modulo 256 of the bytes from C to the end of the user data.
    public static func checksum<C: Collection>(_ bytes: C) -> UInt8 where C.Element == UInt8 {
        bytes.reduce(0, &+)
    }

    /// A long frame `68 L L 68 C A CI data CS 16` (a control frame when `data`
    /// is empty). L is the number of bytes from C to the end of the data; above
    /// 255 only its low byte is written, as some meters do.
    public static func long(control: UInt8 = 0x53, address: UInt8 = 0xFF, ci: UInt8, data: [UInt8] = []) -> [UInt8] {
        let body = [control, address, ci] + data
        let length = UInt8(truncatingIfNeeded: body.count)
        return [0x68, length, length, 0x68] + body + [checksum(body), 0x16]
    }

    /// A short frame `10 C A CS 16`, e.g. SND_NKE (0x40) or REQ_UD2 (0x5B).
    public static func short(control: UInt8, address: UInt8) -> [UInt8] {
        [0x10, control, address, checksum([control, address]), 0x16]
    }

    /// The CI of a DLMS transport segment: bit 4 on the last segment, the counter (modulo 16) in bits 3...0.
    public static func dlmsCI(counter: Int, isLast: Bool) -> UInt8 {
        UInt8(truncatingIfNeeded: counter & 0x0F) | (isLast ? 0x10 : 0)
    }

    /// Splits `apdu` into long frames carrying at most `fragmentSize` APDU bytes
    /// each (after STSAP and DTSAP; 245 in the Austrian push frames, L = 250),
    /// numbered 0, 1, … with the last marked. An empty APDU gives one frame.
    public static func dlmsFrames(
        apdu: [UInt8], fragmentSize: Int = 245, control: UInt8 = 0x53, address: UInt8 = 0xFF,
        sourceTSAP: UInt8 = 0x01, destinationTSAP: UInt8 = 0x67
    ) -> [[UInt8]] {
        let size = max(1, fragmentSize)
        let starts = Array(stride(from: 0, to: max(1, apdu.count), by: size))
        return starts.enumerated().map { counter, start in
            let fragment = apdu[min(start, apdu.count)..<min(start + size, apdu.count)]
            let ci = dlmsCI(counter: counter, isLast: counter == starts.count - 1)
            return long(control: control, address: address, ci: ci, data: [sourceTSAP, destinationTSAP] + fragment)
        }
    }
}
