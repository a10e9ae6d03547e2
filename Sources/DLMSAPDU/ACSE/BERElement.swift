/// A BER element kept as it was received: its tag bytes and content bytes.
///
/// ACSE APDUs keep elements they do not know (or whose content is not what
/// the standard says, e.g. a calling-AP-title that holds no OCTET STRING)
/// this way, so that nothing is lost and re-encoding gives the same bytes.
public struct BERElement: Sendable, Hashable {
    /// The identifier octets (one byte for tag numbers below 31).
    public var tag: [UInt8]
    /// The content octets.
    public var content: [UInt8]

    public init(tag: [UInt8], content: [UInt8]) {
        self.tag = tag
        self.content = content
    }
}
