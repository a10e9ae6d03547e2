extension DLMSData {
    /// The value of a bit-string: a count of bits and the ceil(count / 8)
    /// bytes that hold them, first bit in the most significant bit of the
    /// first byte (spec-notes §5, [f15]). Padding bits in the last byte are
    /// kept as received.
    public struct BitString: Sendable, Hashable {
        /// The number of bits.
        public let count: Int
        /// The bytes holding the bits, `(count + 7) / 8` of them.
        public let bytes: [UInt8]

        /// A bit-string of `count` bits held in `bytes`; nil unless there are
        /// exactly `(count + 7) / 8` bytes.
        public init?(count: Int, bytes: [UInt8]) {
            guard count >= 0, bytes.count == Self.byteCount(forBits: count) else { return nil }
            self.count = count
            self.bytes = bytes
        }

        /// A bit-string of these bits, first bit first, padded with zero bits.
        public init(bits: [Bool]) {
            var bytes = [UInt8](repeating: 0, count: Self.byteCount(forBits: bits.count))
            for (index, bit) in bits.enumerated() where bit {
                bytes[index / 8] |= 0x80 >> UInt8(truncatingIfNeeded: index % 8)
            }
            self.count = bits.count
            self.bytes = bytes
        }

        /// Bit `index` (0 is the first bit); false outside `0..<count`.
        public subscript(index: Int) -> Bool {
            guard index >= 0, index < count else { return false }
            return bytes[index / 8] & (0x80 >> UInt8(truncatingIfNeeded: index % 8)) != 0
        }

        /// The bits as `0` and `1` characters, first bit first ("101001010011"),
        /// as the Gurux translator prints them.
        public var binaryText: String {
            var text = ""
            text.reserveCapacity(count)
            for index in 0..<count { text.append(self[index] ? "1" : "0") }
            return text
        }

        /// The number of bytes that hold `bits` bits.
        static func byteCount(forBits bits: Int) -> Int {
            bits / 8 + (bits % 8 == 0 ? 0 : 1)
        }
    }
}
