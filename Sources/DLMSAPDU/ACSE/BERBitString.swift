/// A BER BIT STRING as its content octets: the number of unused bits in the
/// last byte, then the bytes (bit 0 is the most significant bit of the first).
///
/// ACSE uses it for protocol-version (`80 02 07 80`: one bit, version1) and
/// the ACSE requirements (`8A 02 07 80`: bit 0, authentication).
public struct BERBitString: Sendable, Hashable {
    public var unusedBits: UInt8
    public var bytes: [UInt8]

    public init(unusedBits: UInt8, bytes: [UInt8]) {
        self.unusedBits = unusedBits
        self.bytes = bytes
    }

    /// The bit string holding `bits` (padding bits 0).
    public init(bits: [Bool]) {
        var bytes = [UInt8](repeating: 0, count: (bits.count + 7) / 8)
        for (index, bit) in bits.enumerated() where bit {
            bytes[index / 8] |= 0x80 >> UInt8(truncatingIfNeeded: index % 8)
        }
        self.bytes = bytes
        unusedBits = UInt8(truncatingIfNeeded: (8 - bits.count % 8) % 8)
    }

    /// One bit set: `07 80`, as protocol-version {version1} and ACSE-requirements {authentication} are sent.
    public static let firstBitOnly = BERBitString(unusedBits: 7, bytes: [0x80])

    /// The number of bits (0 when the unused-bits count does not fit the bytes).
    public var count: Int {
        let total = bytes.count * 8 - Int(unusedBits)
        return total >= 0 ? total : 0
    }

    /// The bits, first bit first.
    public var bits: [Bool] { (0..<count).map { self[$0] } }

    /// Bit `index` (false beyond the end).
    public subscript(index: Int) -> Bool {
        guard index >= 0, index < count else { return false }
        return bytes[index / 8] & (0x80 >> UInt8(truncatingIfNeeded: index % 8)) != 0
    }

    /// The bits as `0`/`1` text, as the Gurux translator prints them ("1").
    public var binaryText: String { String(bits.map { $0 ? "1" : "0" }) }

    /// The content octets: the unused-bits count, then the bytes.
    public var contentOctets: [UInt8] { [unusedBits] + bytes }

    /// The bit string of BER content octets, or nil when they are not valid
    /// (empty, more than 7 unused bits, unused bits without any byte).
    init?(contentOctets: ArraySlice<UInt8>) {
        guard let unused = contentOctets.first, unused <= 7, !(unused > 0 && contentOctets.count == 1) else { return nil }
        unusedBits = unused
        bytes = Array(contentOctets.dropFirst())
    }
}
