/// An OBJECT IDENTIFIER as its BER content octets (`60 85 74 05 08 01 01` is
/// 2.16.756.5.8.1.1, the COSEM logical-name application context).
///
/// The octets are kept as sent; `arcs` decodes them when they are well formed.
public struct BERObjectIdentifier: Sendable, Hashable, CustomStringConvertible {
    public var contentOctets: [UInt8]

    public init(contentOctets: [UInt8]) {
        self.contentOctets = contentOctets
    }

    /// The identifier 2.16.756.5.8.`group`.`value` of the COSEM names (group 1:
    /// application contexts, 2: authentication mechanisms).
    public static func cosem(group: UInt8, value: UInt8) -> BERObjectIdentifier {
        BERObjectIdentifier(contentOctets: [0x60, 0x85, 0x74, 0x05, 0x08, group, value])
    }

    /// The arcs, or nil when the octets are not a valid encoding (empty, a last
    /// octet with the continuation bit, an arc beyond 2^56).
    public var arcs: [UInt64]? {
        guard let last = contentOctets.last, last & 0x80 == 0 else { return nil }
        var subidentifiers: [UInt64] = []
        var current: UInt64 = 0
        var started = false
        for byte in contentOctets {
            guard current < (1 << 56) else { return nil }
            if !started && byte == 0x80 { return nil }  // a leading 0x80 pads a subidentifier: not minimal BER
            current = current << 7 | UInt64(byte & 0x7F)
            started = true
            if byte & 0x80 == 0 {
                subidentifiers.append(current)
                current = 0
                started = false
            }
        }
        guard let first = subidentifiers.first else { return nil }
        let head: [UInt64] = first < 40 ? [0, first] : first < 80 ? [1, first - 40] : [2, first - 80]
        return head + subidentifiers.dropFirst()
    }

    /// Dotted notation (`2.16.756.5.8.1.1`), or the octets in hex when they are not valid.
    public var description: String {
        arcs.map { $0.map(String.init).joined(separator: ".") } ?? "invalid OID " + contentOctets.map { byte in
            let digits = String(byte, radix: 16, uppercase: true)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
    }
}
