import DLMSCore

/// What a capture reader yields: a packet, or a problem found while reading.
public enum CaptureEvent: Sendable {
    case packet(CapturedPacket)
    case finding(Finding)
}
