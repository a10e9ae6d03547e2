import Glibc

/// Where rendered output goes: standard output, a file that appears under its
/// final name only when complete (written beside it, then renamed), or a device
/// or named pipe (`/dev/null`, `/dev/stdout`, a FIFO), written in place.
public final class OutputSink {
    public enum OpenError: Error, CustomStringConvertible {
        case cannotCreate(path: String, reason: String)

        public var description: String {
            switch self {
            case let .cannotCreate(path, reason): "\(path): cannot create: \(reason)"
            }
        }
    }

    /// -1 once closed: closing a descriptor twice could close another thread's file that
    /// was given the same number in between.
    private var descriptor: Int32
    /// Whether `close()` closes the descriptor (not standard output's).
    private let ownsDescriptor: Bool
    /// For a regular file: the name written to, and the name it is moved to when complete.
    private let partialPath: String?
    private let finalPath: String?
    private var buffer: [UInt8] = []
    /// Set once a write failed (a closed pipe, a full disk); later output is dropped.
    public private(set) var failed = false

    static let flushThreshold = 1 << 16

    public static func standardOutput() -> OutputSink {
        OutputSink(descriptor: STDOUT_FILENO, owned: false, partial: nil, final: nil)
    }

    /// Opens `path` for writing. A regular file (or none yet) is written beside it and
    /// moved there by `close()`; through a symbolic link, the file it points to is. Anything
    /// else that exists there (a device, a FIFO) is written in place: renaming over it would
    /// replace `/dev/null` with a file.
    public static func file(_ path: String) throws(OpenError) -> OutputSink {
        var info = stat()
        if stat(path, &info) == 0, info.st_mode & S_IFMT != S_IFREG {
            guard info.st_mode & S_IFMT != S_IFDIR else { throw .cannotCreate(path: path, reason: "is a directory") }
            let fd = open(path, O_WRONLY | O_CLOEXEC)
            guard fd >= 0 else { throw .cannotCreate(path: path, reason: String(cString: strerror(errno))) }
            return OutputSink(descriptor: fd, owned: true, partial: nil, final: nil)
        }
        let target = resolvedPath(path)
        let partial = "\(target).partial-\(getpid())"
        let fd = open(partial, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw .cannotCreate(path: path, reason: String(cString: strerror(errno)))
        }
        return OutputSink(descriptor: fd, owned: true, partial: partial, final: target)
    }

    /// The file a symbolic link at `path` leads to, so that the link survives the rename;
    /// `path` itself when nothing is there yet.
    private static func resolvedPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private init(descriptor: Int32, owned: Bool, partial: String?, final: String?) {
        self.descriptor = descriptor
        ownsDescriptor = owned
        partialPath = partial
        finalPath = final
        buffer.reserveCapacity(Self.flushThreshold * 2)
    }

    deinit {
        // Not closed properly: never leave a partial file behind under any name.
        guard ownsDescriptor, descriptor >= 0 else { return }
        Glibc.close(descriptor)
        if let partialPath { unlink(partialPath) }
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
        guard ownsDescriptor else { return !failed }
        guard descriptor >= 0 else { return false }
        let closed = Glibc.close(descriptor) == 0
        descriptor = -1
        guard let partialPath, let finalPath else { return closed && !failed }
        guard !failed, closed, rename(partialPath, finalPath) == 0 else {
            unlink(partialPath)
            return false
        }
        return true
    }
}
