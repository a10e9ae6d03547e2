import DLMSAPDU
import DLMSCore

/// An HLS mechanism 5 (GMAC) response as sent in reply_to_HLS_authentication:
/// SC ‖ IC ‖ GMAC tag, 1 + 4 + 12 = 17 bytes (Green Book, HLS with GMAC;
/// spec-notes §4.3) [b01, b02, g08, g09]. The IC is the responder's
/// invocation counter, which an analyzer tracks like any other.
public struct HLSGMACResponse: Sendable, Hashable {
    /// The encoded size.
    public static let encodedCount = SecurityHeader.encodedCount + AESGCMKey.tagCount

    /// Authentication only, suite id in bits 3..0 (0x10 for suite 0).
    public var securityControl: SecurityControl
    public var invocationCounter: UInt32
    /// The 12-byte GMAC tag.
    public var tag: [UInt8]

    public init(securityControl: SecurityControl, invocationCounter: UInt32, tag: [UInt8]) {
        self.securityControl = securityControl
        self.invocationCounter = invocationCounter
        self.tag = tag
    }

    /// Nil unless `bytes` is exactly SC ‖ IC ‖ 12-byte tag.
    public init?(_ bytes: [UInt8]) {
        guard bytes.count == Self.encodedCount else { return nil }
        var reader = ByteReader(bytes)
        guard let header = try? SecurityHeader(from: &reader) else { return nil }
        securityControl = header.securityControl
        invocationCounter = header.invocationCounter
        tag = Array(reader.readRemaining())
    }

    /// SC ‖ IC ‖ tag.
    public var encoded: [UInt8] {
        var bytes = [UInt8]()
        SecurityHeader(securityControl: securityControl, invocationCounter: invocationCounter).encode(into: &bytes)
        return bytes + tag
    }
}
