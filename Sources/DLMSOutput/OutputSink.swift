import Glibc

/// Where rendered output goes: standard output, or a file that appears under
/// its final name only when complete (written beside it, then renamed).
public final class OutputSink {
    public enum OpenError: Error, CustomStringConvertible {
        case cannotCreate(path: String, reason: String)

        public var description: String {
            switch self {
            case let .cannotCreate(path, reason): "\(path): cannot create: \(reason)"
            }
        }
    }

    /// -1 once a file's sink is closed: closing a descriptor twice could close another
    /// thread's file that was given the same number in between.
    private var descriptor: Int32
    private let finalPath: String?
    private let partialPath: String?
    private var buffer: [UInt8] = []
    /// Set once a write failed (a closed pipe, a full disk); later output is dropped.
    public private(set) var failed = false

    static let flushThreshold = 1 << 16

    public static func standardOutput() -> OutputSink { OutputSink(descriptor: STDOUT_FILENO, final: nil, partial: nil) }

    /// Opens `path` for writing; the content is moved there by `close()`.
    public static func file(_ path: String) throws(OpenError) -> OutputSink {
        let partial = "\(path).partial-\(getpid())"
        let fd = open(partial, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw .cannotCreate(path: path, reason: String(cString: strerror(errno)))
        }
        return OutputSink(descriptor: fd, final: path, partial: partial)
    }

    private init(descriptor: Int32, final: String?, partial: String?) {
        self.descriptor = descriptor
        finalPath = final
        partialPath = partial
        buffer.reserveCapacity(Self.flushThreshold * 2)
    }

    deinit {
        // Not closed properly: never leave a partial file behind under any name.
        if let partialPath, descriptor >= 0 {
            Glibc.close(descriptor)
            unlink(partialPath)
        }
    }

    /// Appends through a closure that writes into the buffer, flushing when it is large.
    public func write(_ body: (inout [UInt8]) -> Void) {
        body(&buffer)
        if buffer.count >= Self.flushThreshold { flush() }
    }

    public func flush() {
        guard !buffer.isEmpty else { return }
        defer { buffer.removeAll(keepingCapacity: true) }
        guard !failed else { return }
        if !Self.writeAll(buffer, to: descriptor) { failed = true }
    }

    /// Writes all of `bytes` to `descriptor`, through short writes and interruptions; false when
    /// a write fails (a full disk, a closed pipe).
    public static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress.map { $0 + offset }, $0.count - offset) }
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return false }
            offset += written
        }
        return true
    }

    /// Flushes, and for a file moves it to its final name. Returns false if any write failed.
    @discardableResult
    public func close() -> Bool {
        flush()
        guard let finalPath, let partialPath else { return !failed }
        guard descriptor >= 0 else { return false }
        let closed = Glibc.close(descriptor) == 0
        descriptor = -1
        if failed || !closed {
            unlink(partialPath)
            return false
        }
        guard rename(partialPath, finalPath) == 0 else {
            unlink(partialPath)
            return false
        }
        return true
    }
}
