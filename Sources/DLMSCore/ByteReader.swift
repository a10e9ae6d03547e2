/// A bounds-checked cursor over bytes that keeps absolute offsets.
///
/// The reader never copies: it narrows an `ArraySlice` whose indices are the
/// offsets in the buffer it was cut from, so `position` is where a field sits
/// in the packet or frame (the swift-asn1 convention). Every read returns
/// `nil` when too few bytes remain and then leaves the position unchanged, so
/// a lying length field can never read past the bytes that are present.
///
/// Every member is `@inlinable` so the decoders in other modules get it
/// specialised and inlined (a generic `readInteger` called across modules
/// otherwise goes through witness tables for every byte; see BENCHMARKS.md).
public struct ByteReader: Sendable {
    /// The storage of `remaining`, writable only by the reader's own members.
    @usableFromInline var unread: ArraySlice<UInt8>

    /// The bytes not read yet.
    @inlinable public var remaining: ArraySlice<UInt8> { unread }

    @inlinable public init(_ bytes: ArraySlice<UInt8>) {
        self.unread = bytes
    }

    @inlinable public init(_ bytes: [UInt8]) {
        self.unread = bytes[...]
    }

    /// Absolute offset of the next byte to be read.
    @inlinable public var position: Int { remaining.startIndex }

    @inlinable public var remainingCount: Int { remaining.count }

    @inlinable public var isAtEnd: Bool { remaining.isEmpty }

    /// The byte `offset` bytes ahead of the position, without consuming it.
    @inlinable public func peekUInt8(at offset: Int = 0) -> UInt8? {
        guard offset >= 0, offset < remaining.count else { return nil }
        return remaining[remaining.startIndex + offset]
    }

    @inlinable public mutating func readUInt8() -> UInt8? {
        guard let byte = remaining.first else { return nil }
        unread = remaining.dropFirst()
        return byte
    }

    /// Reads a fixed-width integer, big-endian unless `littleEndian` is set.
    @inlinable public mutating func readInteger<T: FixedWidthInteger>(
        _: T.Type = T.self,
        littleEndian: Bool = false
    ) -> T? {
        let size = MemoryLayout<T>.size
        guard remaining.count >= size else { return nil }
        var value: T = 0
        var index = remaining.startIndex
        for _ in 0..<size {
            value = (value << 8) | T(truncatingIfNeeded: remaining[index])
            index += 1
        }
        unread = remaining[index...]
        return littleEndian ? value.byteSwapped : value
    }

    @inlinable public mutating func readUInt16() -> UInt16? { readInteger() }
    @inlinable public mutating func readUInt32() -> UInt32? { readInteger() }
    @inlinable public mutating func readUInt64() -> UInt64? { readInteger() }

    /// Reads `count` bytes as a slice of the original buffer.
    @inlinable public mutating func readBytes(_ count: Int) -> ArraySlice<UInt8>? {
        guard count >= 0, count <= remaining.count else { return nil }
        let end = remaining.startIndex + count
        defer { unread = remaining[end...] }
        return remaining[remaining.startIndex..<end]
    }

    /// Consumes everything that is left.
    @inlinable public mutating func readRemaining() -> ArraySlice<UInt8> {
        defer { unread = remaining[remaining.endIndex...] }
        return remaining
    }

    /// Skips `count` bytes; returns false (and skips nothing) when fewer remain.
    @discardableResult
    @inlinable public mutating func skip(_ count: Int) -> Bool {
        readBytes(count) != nil
    }
}
