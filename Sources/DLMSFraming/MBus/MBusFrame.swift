/// One wired M-Bus frame (EN 13757-2 §5): a long frame `68 L L 68 C A CI
/// data CS 16`, a control frame (a long frame without data, L = 3), a short
/// frame `10 C A CS 16`, or the single-character acknowledgement `E5`.
public struct MBusFrame: Sendable, Hashable {
    public enum Format: String, Sendable, Hashable {
        case long
        case short
        case control
        case ack
    }

    public var format: Format
    /// The L field as read (long and control frames). It may disagree with the
    /// frame's real length: see `dataLength`.
    public var lengthField: UInt8?
    /// The number of bytes from C to the end of the data, as the frame was delimited.
    public var dataLength: Int
    /// Nil for the acknowledgement.
    public var control: MBusControl?
    public var address: UInt8?
    public var ci: UInt8?
    /// The user data after CI (long frames).
    public var data: [UInt8]
    /// The CS field as sent (nil for the acknowledgement).
    public var checksum: UInt8?
    /// The sum the CS field should hold.
    public var computedChecksum: UInt8?

    /// Parses one complete, delimited frame: `bytes` must hold exactly the frame,
    /// start and stop bytes included. Nil when they are no frame; a wrong
    /// checksum or L field still parses (see `isChecksumValid`, `isLengthFieldValid`).
    public init?(_ bytes: ArraySlice<UInt8>) {
        let b = Array(bytes)
        data = []
        switch b.first {
        case 0xE5? where b.count == 1:
            format = .ack
            dataLength = 0
        case 0x10? where b.count == 5 && b[4] == 0x16:
            format = .short
            dataLength = 2
            control = MBusControl(b[1])
            address = b[2]
            checksum = b[3]
            computedChecksum = MBusChecksum.compute(b[1...2])
        case 0x68? where b.count >= 9 && b[1] == b[2] && b[3] == 0x68 && b[b.count - 1] == 0x16:
            dataLength = b.count - 6
            format = dataLength == 3 ? .control : .long
            lengthField = b[1]
            control = MBusControl(b[4])
            address = b[5]
            ci = b[6]
            data = Array(b[7..<(b.count - 2)])
            checksum = b[b.count - 2]
            computedChecksum = MBusChecksum.compute(b[4..<(b.count - 2)])
        default:
            return nil
        }
    }

    public var isChecksumValid: Bool { checksum == computedChecksum }

    /// Whether the L field states the frame's real length.
    public var isLengthFieldValid: Bool { lengthField.map { Int($0) == dataLength } ?? true }

    /// The DLMS transport segment the frame carries: CI 0x00...0x1F are
    /// reserved for DLMS-based applications (EN 13757-1), and for them the data
    /// starts with STSAP and DTSAP. Nil for any other frame.
    public var dlmsSegment: MBusDLMSSegment? {
        guard format == .long, let ci, MBusDLMSSegment.isDLMS(ci: ci) else { return nil }
        return MBusDLMSSegment(ci: ci, data: data)
    }
}
