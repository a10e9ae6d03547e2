import Glibc

/// A per-process scratch file that harnesses write each input to, so that
/// the library opens it the way it opens a capture (libpcap reads a FILE*).
public struct ScratchFile: Sendable {
    public let path: String

    /// `/dev/shm` when it exists (no disk traffic), else `/tmp`.
    public init(_ name: String) {
        let directory = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp"
        path = "\(directory)/dlmscope-fuzz-\(getpid())-\(name)"
    }

    /// Replaces the file's content with `bytes`.
    public func write(_ bytes: [UInt8]) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return }
        defer { close(fd) }
        var written = 0
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            while written < buffer.count {
                let result = Glibc.write(fd, base + written, buffer.count - written)
                if result <= 0 { return }
                written += result
            }
        }
    }

    public func remove() {
        unlink(path)
    }
}
