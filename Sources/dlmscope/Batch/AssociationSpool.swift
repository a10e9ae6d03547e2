import DLMSOutput
import Foundation
import Glibc

/// Holds the rendered associations of one `verify` report on disk until the report's head can
/// be written, so that memory does not grow with their number. They arrive as they close, in
/// any order; `copy(to:)` writes them in number order with the separator between them.
///
/// The file is removed as soon as it is created (it lives while open), so nothing is left
/// behind whatever happens. In memory it keeps one run per stretch of consecutively numbered
/// associations written one after the other: one run for associations that close in the order
/// they start.
final class AssociationSpool {
    enum SpoolError: Error, CustomStringConvertible {
        case cannotCreate(reason: String)

        var description: String {
            switch self {
            case let .cannotCreate(reason): "cannot create a temporary file for the report: \(reason)"
            }
        }
    }

    /// Associations `first..<first + count`, written at `offset` in `length` bytes.
    private struct Run {
        var first: Int
        var count: Int
        var offset: Int
        var length: Int
    }

    private let descriptor: Int32
    private let separator: [UInt8]
    private var buffer: [UInt8] = []
    private var runs: [Run] = []
    private var written = 0
    /// Set once a write or read failed (a full disk); the report is then incomplete.
    private(set) var failed = false

    static let flushThreshold = 1 << 16

    /// A spool in `directory` (the system's temporary one); `separator` goes between two associations.
    init(separator: [UInt8], directory: String = FileManager.default.temporaryDirectory.path) throws(SpoolError) {
        var template = Array("\(directory)/dlmscope-associations-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { mkstemp($0) } ?? -1
        }
        guard descriptor >= 0 else { throw .cannotCreate(reason: String(cString: strerror(errno))) }
        template.withUnsafeBufferPointer { buffer in _ = buffer.baseAddress.map { unlink($0) } }
        self.descriptor = descriptor
        self.separator = separator
        buffer.reserveCapacity(Self.flushThreshold * 2)
    }

    deinit {
        Glibc.close(descriptor)
    }

    /// How many associations it holds.
    var count: Int { runs.reduce(0) { $0 + $1.count } }

    /// Appends association `number` (1-based), rendered by `render`, preceded by the separator.
    func append(number: Int, _ render: (inout [UInt8]) -> Void) {
        let start = written + buffer.count
        buffer.append(contentsOf: separator)
        render(&buffer)
        let length = written + buffer.count - start
        // Each association is written after the previous one: it extends the last run when its number follows.
        if let last = runs.indices.last, runs[last].first + runs[last].count == number {
            runs[last].count += 1
            runs[last].length += length
        } else {
            runs.append(Run(first: number, count: 1, offset: start, length: length))
        }
        if buffer.count >= Self.flushThreshold { flush() }
    }

    /// Writes the associations to `sink` in number order, without the separator before the
    /// first. Returns false if the spool lost some of them.
    func copy(to sink: OutputSink) -> Bool {
        flush()
        var skip = separator.count
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        for run in runs.sorted(by: { $0.first < $1.first }) {
            var offset = run.offset + skip, remaining = run.length - skip
            skip = 0
            while remaining > 0, !failed {
                let wanted = min(remaining, chunk.count)
                let count = chunk.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, wanted, off_t(offset)) }
                if count < 0, errno == EINTR { continue }
                guard count > 0 else {
                    failed = true
                    break
                }
                sink.write { $0.append(contentsOf: chunk.prefix(count)) }
                offset += count
                remaining -= count
            }
        }
        return !failed
    }

    private func flush() {
        guard !buffer.isEmpty else { return }
        defer {
            written += buffer.count
            buffer.removeAll(keepingCapacity: true)
        }
        guard !failed else { return }
        if !OutputSink.writeAll(buffer, to: descriptor) { failed = true }
    }
}
