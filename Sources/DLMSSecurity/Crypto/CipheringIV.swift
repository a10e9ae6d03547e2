/// The 12-byte GCM IV of a protected DLMS APDU (Green Book, cryptographic
/// protection: "IV = Sys-T ‖ IC"; spec-notes §4.2): the sender's 8-byte
/// system title followed by the 4-byte invocation counter, big-endian.
///
/// Always the sender's title: the client's from the AARQ calling-AP-title,
/// the server's from the AARE responding-AP-title, or the title carried in a
/// general-glo/ded-ciphering or general-ciphering APDU.
public enum CipheringIV {
    /// The IV length.
    public static let count = 12
    /// The system title length the IV needs.
    public static let systemTitleCount = 8

    /// The IV from an 8-byte title; any other length throws (encoders and
    /// HLS responses use this: they never invent a title).
    public static func make(systemTitle: [UInt8], invocationCounter: UInt32) throws(SecurityError) -> [UInt8] {
        guard systemTitle.count == systemTitleCount else {
            throw SecurityError("a system title is \(systemTitleCount) bytes, not \(systemTitle.count) bytes")
        }
        return systemTitle + counterBytes(invocationCounter)
    }

    /// The IV from whatever title the traffic or configuration gave: a short
    /// title is right-padded with zero bytes (vector a09), a long one cut to
    /// its leftmost 8 bytes, and the adjustment is returned for the caller
    /// to report. An empty title gives 8 zero bytes: replace it with the
    /// title known from the association before calling (vector a11).
    public static func lenient(
        systemTitle: [UInt8], invocationCounter: UInt32
    ) -> (iv: [UInt8], adjustment: SystemTitleAdjustment) {
        var title = Array(systemTitle.prefix(systemTitleCount))
        let adjustment: SystemTitleAdjustment
        if systemTitle.count < systemTitleCount {
            adjustment = .rightPadded(originalCount: systemTitle.count)
            title += [UInt8](repeating: 0, count: systemTitleCount - systemTitle.count)
        } else if systemTitle.count > systemTitleCount {
            adjustment = .truncated(originalCount: systemTitle.count)
        } else {
            adjustment = .none
        }
        return (title + counterBytes(invocationCounter), adjustment)
    }

    /// The invocation counter as it goes into the IV: 4 bytes, big-endian.
    static func counterBytes(_ counter: UInt32) -> [UInt8] {
        [UInt8(truncatingIfNeeded: counter >> 24), UInt8(truncatingIfNeeded: counter >> 16),
         UInt8(truncatingIfNeeded: counter >> 8), UInt8(truncatingIfNeeded: counter)]
    }
}
