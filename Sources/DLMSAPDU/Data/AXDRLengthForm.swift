/// How an A-XDR length (an element count, a byte count, a bit count) was
/// written on the wire.
///
/// A-XDR writes a length below 128 in one byte and a larger one as `0x80 | n`
/// followed by `n` big-endian bytes (IEC 61334-6 §6; spec-notes §5). Some
/// encoders use the long form where the short one would do (`81 05`,
/// `82 00 0A`, spec-notes §8 item 10). Decoded values record that choice so
/// that re-encoding gives back the bytes that were received; values built in
/// code use `.canonical`.
public enum AXDRLengthForm: Sendable, Hashable {
    /// The shortest form for the value.
    case canonical
    /// The long form with this many length bytes (1...4) where the canonical
    /// form is different (shorter, or the one-byte short form).
    case long(byteCount: Int)
}
