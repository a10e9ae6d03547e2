/// How one BER length was written, compared with the definite minimal form
/// dlmscope writes for the element's actual content.
///
/// Real encoders write lengths that disagree with their content (an AARE
/// whose inner lengths are one byte short [g23]; Gurux's RLRE whose outer
/// length is four bytes short) or use the long form where the short one
/// would do. The tolerant ACSE reader decodes such APDUs anyway and records
/// every length in this form, so that re-encoding gives back the bytes.
public struct BERLengthForm: Sendable, Hashable {
    /// The length as written minus the length of the content actually decoded:
    /// 0 when they agree, negative when the length was too short.
    public var excess: Int
    /// The number of length bytes after the `0x8n` byte when the long form was
    /// used; 0 for the short form.
    public var longFormByteCount: Int

    public init(excess: Int = 0, longFormByteCount: Int = 0) {
        self.excess = excess
        self.longFormByteCount = longFormByteCount
    }

    /// The form dlmscope writes: the actual length, minimal.
    public static let canonical = BERLengthForm()

    /// Whether writing `actual` in this form gives the minimal, correct length.
    public func isCanonical(forActualLength actual: Int) -> Bool {
        excess == 0 && longFormByteCount == BERLengthForm.minimalLongFormByteCount(actual)
    }

    /// 0 for lengths below 128 (the short form), else the fewest bytes that hold it.
    static func minimalLongFormByteCount(_ value: Int) -> Int {
        guard value >= 0x80 else { return 0 }
        var count = 0
        var rest = value
        while rest > 0 {
            count += 1
            rest >>= 8
        }
        return count
    }
}
