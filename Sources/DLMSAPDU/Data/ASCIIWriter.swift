/// Writes ASCII into a string's uninitialised storage (`String(unsafeUninitializedCapacity:)`),
/// for the date and time texts every rendered value needs: one allocation at
/// most, no interpolation. The capacity must cover what is written.
struct ASCIIWriter {
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    private(set) var count = 0

    init(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
        self.buffer = buffer
    }

    mutating func put(_ byte: UInt8) {
        buffer[count] = byte
        count += 1
    }

    /// A non-negative `value` in decimal, zero-padded to `width` digits.
    mutating func put(_ value: Int, width: Int) {
        var digits = 1
        var limit = 10
        while value >= limit, digits < 19 {
            digits += 1
            limit &*= 10
        }
        let length = max(width, digits)
        var rest = value
        for index in stride(from: count + length - 1, through: count, by: -1) {
            buffer[index] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
        }
        count += length
    }
}
