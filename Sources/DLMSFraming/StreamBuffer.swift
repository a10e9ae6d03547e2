/// The bytes of one stream that wait to be framed, with the packets that
/// carried them, so that every frame can name its carriers.
///
/// Positions are relative to the first unconsumed byte; `streamOffset` is the
/// absolute offset of that byte in the stream (for findings). Consumed bytes
/// are dropped lazily, so consuming is O(1) amortised.
public struct StreamBuffer: Sendable {
    private var storage: [UInt8] = []
    private var head = 0
    /// Carrier runs: each carrier and the absolute stream offset where its bytes end.
    private var runs: [(end: UInt64, carrier: Carrier)] = []
    private var runHead = 0
    /// Absolute stream offset of the first unconsumed byte.
    public private(set) var streamOffset: UInt64 = 0

    public init() {}

    public var count: Int { storage.count - head }
    public var isEmpty: Bool { count == 0 }

    /// The byte at `index` (relative to the first unconsumed byte); nil beyond the end.
    public subscript(index: Int) -> UInt8? {
        guard index >= 0, index < count else { return nil }
        return storage[head + index]
    }

    /// The unconsumed bytes in `range` (relative); clamped to what is present.
    public func slice(_ range: Range<Int>) -> ArraySlice<UInt8> {
        let lower = head + max(0, min(range.lowerBound, count))
        let upper = head + max(0, min(range.upperBound, count))
        return storage[lower..<max(lower, upper)]
    }

    /// Everything unconsumed.
    public var bytes: ArraySlice<UInt8> { storage[head...] }

    /// Relative index of the first occurrence of `byte` at or after `start`.
    public func firstIndex(of byte: UInt8, from start: Int = 0) -> Int? {
        guard start < count else { return nil }
        return storage[(head + max(0, start))...].firstIndex(of: byte).map { $0 - head }
    }

    /// The carrier of the byte at relative `index` (the last carrier when beyond the end).
    public func carrier(at index: Int) -> Carrier? {
        let offset = streamOffset + UInt64(max(0, index))
        for run in runs[runHead...] where offset < run.end { return run.carrier }
        return runs.last?.carrier
    }

    public mutating func append(_ bytes: ArraySlice<UInt8>, from carrier: Carrier) {
        guard !bytes.isEmpty else { return }
        storage.append(contentsOf: bytes)
        let end = streamOffset + UInt64(count)
        if let last = runs.last, runHead < runs.count, last.carrier == carrier {
            runs[runs.count - 1].end = end
        } else {
            runs.append((end, carrier))
        }
    }

    /// Removes the first `length` bytes and returns them with the carriers that held them, in order.
    public mutating func consume(_ length: Int) -> (bytes: [UInt8], carriers: [Carrier]) {
        let length = max(0, min(length, count))
        let bytes = Array(storage[head..<(head + length)])
        return (bytes, drop(length))
    }

    /// Removes the first `length` bytes; returns the carriers that held them.
    @discardableResult
    public mutating func drop(_ length: Int) -> [Carrier] {
        let length = max(0, min(length, count))
        guard length > 0 else { return [] }
        let end = streamOffset + UInt64(length)
        var carriers: [Carrier] = []
        var index = runHead
        while index < runs.count {
            carriers.append(runs[index].carrier)
            if runs[index].end >= end {
                // A run that ends exactly here is used up; one that goes on stays for the next bytes.
                if runs[index].end == end { index += 1 }
                break
            }
            index += 1
        }
        runHead = index
        head += length
        streamOffset = end
        compact()
        return carriers
    }

    /// Removes everything, returned as the runs of bytes each carrier held, in order
    /// (to hand buffered bytes on to another decoder with their carriers).
    public mutating func takeChunks() -> [(bytes: [UInt8], carrier: Carrier)] {
        var chunks: [(bytes: [UInt8], carrier: Carrier)] = []
        var offset = streamOffset
        for run in runs[runHead...] where run.end > offset {
            let length = Int(truncatingIfNeeded: run.end - offset)
            let start = head + Int(truncatingIfNeeded: offset - streamOffset)
            chunks.append((Array(storage[start..<(start + length)]), run.carrier))
            offset = run.end
        }
        drop(count)
        return chunks
    }

    /// Forgets everything buffered (after a gap), keeping the stream offset right.
    @discardableResult
    public mutating func removeAll(skipping missing: UInt64 = 0) -> [Carrier] {
        let carriers = drop(count)
        streamOffset += missing
        return carriers
    }

    private mutating func compact() {
        if head > 4096, head * 2 > storage.count {
            storage.removeFirst(head)
            head = 0
        }
        if runHead > 64, runHead * 2 > runs.count {
            runs.removeFirst(runHead)
            runHead = 0
        }
        if head == storage.count {
            storage.removeAll(keepingCapacity: storage.capacity <= 1 << 16)
            head = 0
        }
    }
}
