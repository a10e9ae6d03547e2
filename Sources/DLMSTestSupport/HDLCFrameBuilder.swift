import DLMSFraming

/// Builds correct HDLC frames of frame format type 3 (IEC 62056-46):
/// format with S bit and length, addresses, control, HCS, information, FCS
/// and flags. For tests, the Samples generator and benchmark corpora.
public enum HDLCFrameBuilder {
    /// An address field: 1 byte (`upper` only, e.g. a client SAP), 2 bytes
    /// (7-bit upper and lower) or 4 bytes (14-bit upper and lower).
    public static func address(upper: Int, lower: Int? = nil, size: Int? = nil) -> [UInt8] {
        let byte = { (value: Int) in UInt8(truncatingIfNeeded: (value & 0x7F) << 1) }
        switch size ?? (lower == nil ? 1 : 2) {
        case 1:
            return [byte(upper) | 1]
        case 2:
            return [byte(upper), byte(lower ?? 0) | 1]
        default:
            let lower = lower ?? 0
            return [byte(upper >> 7), byte(upper), byte(lower >> 7), byte(lower) | 1]
        }
    }

    /// The check sequence over `bytes` as sent: least-significant byte first.
    public static func checkSequence(_ bytes: [UInt8]) -> [UInt8] {
        let crc = FrameCheckSequence.compute(bytes)
        return [UInt8(crc & 0xFF), UInt8(crc >> 8)]
    }

    /// A frame body (format .. FCS), without flags. The HCS is there exactly
    /// when `information` is not empty. `length` overrides the format's length.
    public static func body(
        destination: [UInt8], source: [UInt8], control: UInt8, information: [UInt8] = [],
        segmented: Bool = false, length: Int? = nil
    ) -> [UInt8] {
        let header = destination.count + source.count + 3
        let size = header + (information.isEmpty ? 0 : 2 + information.count) + 2
        let format = 0xA000 | (segmented ? 0x0800 : 0) | UInt16((length ?? size) & 0x07FF)
        var body = [UInt8(format >> 8), UInt8(format & 0xFF)] + destination + source + [control]
        if !information.isEmpty { body += checkSequence(body) + information }
        return body + checkSequence(body)
    }

    /// A whole frame with its opening and closing flags.
    public static func frame(
        destination: [UInt8], source: [UInt8], control: UInt8, information: [UInt8] = [],
        segmented: Bool = false
    ) -> [UInt8] {
        let content = body(
            destination: destination, source: source, control: control, information: information, segmented: segmented)
        return [0x7E] + content + [0x7E]
    }

    /// A frame of `type` with the control byte built from the sequence numbers and P/F bit.
    public static func frame(
        _ type: HDLCFrameType, destination: [UInt8], source: [UInt8], information: [UInt8] = [],
        sendSequence: UInt8 = 0, receiveSequence: UInt8 = 0, pollFinal: Bool = true, segmented: Bool = false
    ) -> [UInt8] {
        let control = HDLCControl.byte(
            type, sendSequence: sendSequence, receiveSequence: receiveSequence, pollFinal: pollFinal)
        return frame(
            destination: destination, source: source, control: control, information: information, segmented: segmented)
    }

    /// An APDU split into I-frames (with flags) of at most `maxInformation`
    /// information bytes: the first starts with `llc`, every frame but the
    /// last has the S bit, N(S) counts up from `firstSendSequence` modulo 8.
    public static func segmentedIFrames(
        apdu: [UInt8], llc: LLCHeader? = .response, destination: [UInt8], source: [UInt8],
        maxInformation: Int = 128, firstSendSequence: UInt8 = 0, receiveSequence: UInt8 = 0
    ) -> [[UInt8]] {
        let information = (llc?.bytes ?? []) + apdu
        let size = max(1, maxInformation)
        return stride(from: 0, to: max(1, information.count), by: size).enumerated().map { index, start in
            let chunk = Array(information[start..<min(start + size, information.count)])
            return frame(
                .i, destination: destination, source: source, information: chunk,
                sendSequence: firstSendSequence &+ UInt8(truncatingIfNeeded: index), receiveSequence: receiveSequence,
                segmented: start + size < information.count)
        }
    }
}
