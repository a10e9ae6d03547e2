import DLMSCore

/// Bytes skipped since the last unit: reported once, as one
/// `frame-garbage-skipped` event, before the next unit or when the stream is cut.
struct HDLCGarbageRun: Sendable {
    /// Why bytes stop arriving, when a frame was cut by it.
    enum Cut: Sendable {
        case gap
        case endOfUnit
        case endOfStream

        var frameText: String {
            switch self {
            case .gap: "an HDLC frame cut by a capture gap"
            case .endOfUnit: "an HDLC frame cut short by the end of the datagram"
            case .endOfStream: "an HDLC frame cut short by the end of the stream"
            }
        }
    }

    /// Bytes skipped (flags are never counted).
    var count = 0
    /// Stream offset of the first skipped byte.
    var offset: UInt64 = 0
    var carriers: [Carrier] = []
    /// Set when the bytes include the start of a frame that could not complete.
    var cut: Cut?

    /// The event reporting the run; nil when nothing was skipped.
    var event: FramedUnit? {
        guard count > 0 else { return nil }
        let finding = Finding(
            .frameGarbageSkipped, "\(count) bytes skipped: \(cut?.frameText ?? "not an HDLC frame")",
            offset: Int(clamping: offset))
        return .event(finding, carriers: carriers)
    }
}
