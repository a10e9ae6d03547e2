/// A BER INTEGER as its content octets (two's complement, big-endian), kept as
/// sent so that a non-minimal encoding survives a round trip.
public struct BERInteger: Sendable, Hashable {
    public var contentOctets: [UInt8]

    public init(contentOctets: [UInt8]) {
        self.contentOctets = contentOctets
    }

    /// The minimal encoding of `value`.
    public init(_ value: Int64) {
        var octets: [UInt8] = []
        var rest = value
        repeat {
            octets.insert(UInt8(truncatingIfNeeded: rest), at: 0)
            rest >>= 8
        } while !(rest == 0 && octets[0] & 0x80 == 0) && !(rest == -1 && octets[0] & 0x80 != 0)
        contentOctets = octets
    }

    /// The value, or nil when there are no octets or more than 8.
    public var value: Int64? {
        guard let first = contentOctets.first, contentOctets.count <= 8 else { return nil }
        var value: Int64 = first & 0x80 != 0 ? -1 : 0
        for byte in contentOctets { value = value << 8 | Int64(byte) }
        return value
    }
}
