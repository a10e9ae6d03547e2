import DLMSCore

/// Recognises the framing of a stream or unit from its bytes.
///
/// At the start of the bytes a short signature is enough (a flag and an HDLC
/// format byte, a WRAPPER header followed by an APDU tag, an M-Bus start);
/// further in, only a complete frame whose check sequence or checksum holds
/// counts, so that a capture starting mid-frame finds its first real frame.
enum FramingDetector {
    enum Result: Equatable {
        case found(TransportKind, at: Int)
        /// Not decided yet: more bytes may tell.
        case needMore
        case unrecognized
    }

    /// How far into a stream a frame is looked for before giving up.
    static let scanLimit = 4096

    /// Detects the framing in `bytes`. `bare` allows a bare APDU (or IEC 61334-4-32) at the start;
    /// `complete` says no more bytes will come.
    static func detect(_ bytes: ArraySlice<UInt8>, bare: Bool, complete: Bool) -> Result {
        let b = Array(bytes.prefix(scanLimit + 2100))
        if let kind = signatureAtStart(b, bare: bare) { return .found(kind, at: 0) }
        var index = 1
        while index < min(b.count, scanLimit) {
            if let kind = completeFrame(b, at: index) { return .found(kind, at: index) }
            index += 1
        }
        return complete || b.count >= scanLimit + 2100 ? .unrecognized : .needMore
    }

    /// The framing a unit starts with, from a short signature.
    static func signatureAtStart(_ b: [UInt8], bare: Bool) -> TransportKind? {
        guard let first = b.first else { return nil }
        if first == 0x7E, b.count >= 2, b[1] & 0xF0 == 0xA0 { return .hdlc }
        // Any L: some meters write only the low byte of a length above 255 (see MBusDeframer).
        if first == 0x68, b.count >= 4, b[1] == b[2], b[3] == 0x68 { return .mbus }
        if first == 0x00, b.count >= 9, b[1] == 0x01, APDUTag.isKnown(b[8]) { return .wrapper }
        guard bare else { return nil }
        if first == 0x90, b.count >= 4, APDUTag.isKnown(b[3]) { return .iec61334 }
        if b.count >= 4, LLCHeader(b[...]) != nil, APDUTag.isKnown(b[3]) { return .raw }
        if APDUTag.isKnown(first) { return .raw }
        return nil
    }

    /// A whole frame at `index` whose own check holds.
    static func completeFrame(_ b: [UInt8], at index: Int) -> TransportKind? {
        switch b[index] {
        case 0x7E:
            guard index + 2 < b.count, b[index + 1] & 0xF0 == 0xA0 else { return nil }
            let length = Int(b[index + 1] & 0x07) << 8 | Int(b[index + 2])
            let end = index + 1 + length
            guard length >= 7, end < b.count, b[end] == 0x7E else { return nil }
            return FrameCheckSequence.isValid(b[(index + 1)..<end]) ? .hdlc : nil
        case 0x68:
            guard index + 3 < b.count, b[index + 1] == b[index + 2], b[index + 3] == 0x68 else { return nil }
            let length = Int(b[index + 1])
            let stop = index + 4 + length + 1
            guard length >= 3, stop < b.count, b[stop] == 0x16 else { return nil }
            let sum = b[(index + 4)..<(index + 4 + length)].reduce(UInt8(0), &+)
            return sum == b[stop - 1] ? .mbus : nil
        case 0x00:
            guard index + 8 < b.count, b[index + 1] == 0x01, APDUTag.isKnown(b[index + 8]) else { return nil }
            // A second header right after the first PDU confirms the alignment.
            let next = index + 8 + (Int(b[index + 6]) << 8 | Int(b[index + 7]))
            guard next + 1 < b.count else { return nil }
            return b[next] == 0x00 && b[next + 1] == 0x01 ? .wrapper : nil
        default:
            return nil
        }
    }
}
