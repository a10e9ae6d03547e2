import DLMSCore

/// A source of captured packets, read one at a time so that nothing holds a
/// whole capture in memory. Problems in the capture become findings; a reader
/// never throws once it is open.
public protocol CaptureReader {
    /// The next packet or finding, or nil at the end of the capture.
    mutating func next() -> CaptureEvent?
}
