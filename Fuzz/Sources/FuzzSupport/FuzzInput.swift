import Glibc

/// A cursor over a fuzzer input: harnesses take their parameters (modes,
/// chunk sizes, segment headers) from the front and the payload from the rest.
public struct FuzzInput {
    public let bytes: [UInt8]
    public private(set) var index = 0

    public init(_ start: UnsafePointer<UInt8>, _ count: Int) {
        bytes = Array(UnsafeBufferPointer(start: start, count: count))
    }

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    public var isAtEnd: Bool { index >= bytes.count }
    public var remainingCount: Int { bytes.count - index }

    /// The next byte, or 0 once the input is used up.
    public mutating func byte() -> UInt8 {
        guard index < bytes.count else { return 0 }
        defer { index += 1 }
        return bytes[index]
    }

    /// The next two bytes, big-endian (missing bytes read as 0).
    public mutating func uint16() -> UInt16 {
        UInt16(byte()) << 8 | UInt16(byte())
    }

    /// The next four bytes, big-endian (missing bytes read as 0).
    public mutating func uint32() -> UInt32 {
        UInt32(uint16()) << 16 | UInt32(uint16())
    }

    /// Up to `count` next bytes.
    public mutating func take(_ count: Int) -> ArraySlice<UInt8> {
        let end = min(bytes.count, index + max(0, count))
        defer { index = end }
        return bytes[index..<end]
    }

    /// Everything not read yet.
    public mutating func rest() -> ArraySlice<UInt8> {
        take(remainingCount)
    }

    /// The input as a list of length-prefixed units: each unit is a 2-byte
    /// big-endian length and that many bytes (the last one takes what is left).
    /// The format of the APDU-sequence corpora (see Fuzz/make-seeds).
    public static func units(_ bytes: [UInt8], limit: Int = 64) -> [[UInt8]] {
        var input = FuzzInput(bytes)
        var units: [[UInt8]] = []
        while !input.isAtEnd, units.count < limit {
            let length = Int(input.uint16())
            units.append(Array(input.take(length)))
        }
        return units
    }
}

/// Reports a broken property on standard error (unbuffered, so it survives the abort) and
/// aborts, which libFuzzer records as a crash with the input.
public func fuzzFailure(_ message: String) -> Never {
    FileHandleStandardError.write(message + "\n")
    abort()
}

enum FileHandleStandardError {
    static func write(_ text: String) {
        var text = text
        text.withUTF8 { buffer in
            guard let base = buffer.baseAddress else { return }
            _ = Glibc.write(2, base, buffer.count)
        }
    }
}
