/// Decides where the M-Bus frame that starts the buffered bytes ends.
///
/// Every decision is taken from a bounded window of bytes that the frame's own
/// header determines, and only once that window is present (or no more bytes
/// will come: `final`), so the result never depends on how the stream was
/// chunked, and no length field makes the deframer wait for more than
/// `maximumFrameLength + 4` bytes.
enum MBusFrameDelimiter {
    /// How a frame's end was found.
    enum Delimitation: Sendable, Hashable {
        /// Where its header says (the L field; the fixed length of short frames and E5).
        case asStated
        /// At L + 256, confirmed by the stop byte and checksum: the meter sent
        /// only the low byte of a length above 255.
        case lowByteOfLength
        /// At a stop byte followed by the next long frame's header `68 L L 68`.
        case nextFrameHeader
    }

    enum Result: Sendable, Hashable {
        /// A frame of `length` bytes starts the buffer.
        case frame(length: Int, Delimitation)
        /// The window needed to decide is not present yet.
        case needMore
        /// The first byte starts no frame.
        case noFrame
    }

    /// The most bytes from C to the end of the data a frame is believed to hold
    /// when its L field does not: L + 256 with L = 255. EN 13757-2 allows 255;
    /// meters that exceed it send the low byte of the length.
    static let maximumDataLength = 511
    /// The longest frame the deframer delimits: start, L, L, start, data, CS, stop.
    static let maximumFrameLength = maximumDataLength + 6

    /// `acceptsAcknowledgement`: a lone E5 is an acknowledgement (not inside a run of garbage).
    static func delimit(_ buffer: StreamBuffer, final: Bool, acceptsAcknowledgement: Bool) -> Result {
        switch buffer[0] {
        case 0xE5?:
            return acceptsAcknowledgement ? .frame(length: 1, .asStated) : .noFrame
        case 0x10?:
            guard buffer.count >= 5 else { return final ? .noFrame : .needMore }
            guard buffer[4] == 0x16, MBusChecksum.compute(buffer.slice(1..<3)) == buffer[3] else { return .noFrame }
            return .frame(length: 5, .asStated)
        case 0x68?:
            return delimitLong(buffer, final: final)
        default:
            return .noFrame
        }
    }

    /// Whether a byte can start a frame (E5 only where acknowledgements are accepted).
    static func canStartFrame(_ byte: UInt8, acceptsAcknowledgement: Bool) -> Bool {
        byte == 0x68 || byte == 0x10 || (acceptsAcknowledgement && byte == 0xE5)
    }

    /// A long frame `68 L L 68 C A CI data CS 16`, in order of confidence: at L
    /// with stop byte and checksum; at L + 256 with both (before a frame with
    /// only a bad checksum at L, since a low-byte length puts a random byte at
    /// L's stop position); at L with the stop byte only; at the next frame
    /// header; at L + 256 with the stop byte only.
    private static func delimitLong(_ buffer: StreamBuffer, final: Bool) -> Result {
        guard let length = buffer[1], let repeated = buffer[2], let start = buffer[3] else {
            return final ? .noFrame : .needMore
        }
        guard length == repeated, start == 0x68 else { return .noFrame }
        let stated = Int(length)
        // C, A and CI are always present, so L < 3 can only be a truncated length.
        let asStated = stated >= 3 ? check(buffer, dataLength: stated) : .noStopByte
        if asStated == .missing, !final { return .needMore }
        if asStated == .verified { return .frame(length: stated + 6, .asStated) }
        let widened = check(buffer, dataLength: stated + 256)
        if widened == .missing, !final { return .needMore }
        if widened == .verified { return .frame(length: stated + 262, .lowByteOfLength) }
        // The length holds and only the checksum is wrong: decoded and marked.
        if asStated == .stopByteOnly { return .frame(length: stated + 6, .asStated) }
        switch nextFrameHeader(buffer, final: final) {
        case .noFrame where widened == .stopByteOnly:
            return .frame(length: stated + 262, .lowByteOfLength)
        case let other:
            return other
        }
    }

    private enum Check {
        case missing
        case noStopByte
        case stopByteOnly
        case verified
    }

    /// Whether a long frame holding `n` bytes from C to the end of the data ends with a stop byte and a valid checksum.
    private static func check(_ buffer: StreamBuffer, dataLength n: Int) -> Check {
        guard buffer.count >= n + 6 else { return .missing }
        guard buffer[n + 5] == 0x16 else { return .noStopByte }
        return MBusChecksum.compute(buffer.slice(4..<(n + 4))) == buffer[n + 4] ? .verified : .stopByteOnly
    }

    /// The first stop byte followed by a long frame header `68 L L 68`, within `maximumDataLength`.
    /// Scanned once, when the whole window is present (or at the end), which gives the same first match as
    /// scanning on every append.
    private static func nextFrameHeader(_ buffer: StreamBuffer, final: Bool) -> Result {
        guard final || buffer.count >= maximumFrameLength + 4 else { return .needMore }
        for stop in 8...(maximumDataLength + 5) {
            guard let byte = buffer[stop] else { break }
            guard byte == 0x16, buffer[stop + 1] == 0x68, buffer[stop + 4] == 0x68,
                  let length = buffer[stop + 2], buffer[stop + 3] == length
            else { continue }
            // A frame cut short (bytes lost on the line) must not swallow the complete frame that follows it.
            return endsCompleteFrame(buffer, stop: stop) ? .noFrame : .frame(length: stop + 1, .nextFrameHeader)
        }
        return .noFrame
    }

    /// Whether the stop byte at `stop` ends a short or long frame that starts after the first byte and holds
    /// (its checksum valid, its L field right or the low byte of its length).
    private static func endsCompleteFrame(_ buffer: StreamBuffer, stop: Int) -> Bool {
        if stop >= 5, buffer[stop - 4] == 0x10,
           MBusChecksum.compute(buffer.slice((stop - 3)..<(stop - 1))) == buffer[stop - 1] {
            return true
        }
        for dataLength in 3...maximumDataLength {
            let start = stop - 5 - dataLength
            guard start >= 1 else { break }
            let length = UInt8(truncatingIfNeeded: dataLength)
            guard buffer[start] == 0x68, buffer[start + 1] == length, buffer[start + 2] == length,
                  buffer[start + 3] == 0x68
            else { continue }
            if MBusChecksum.compute(buffer.slice((start + 4)..<(stop - 1))) == buffer[stop - 1] { return true }
        }
        return false
    }
}
