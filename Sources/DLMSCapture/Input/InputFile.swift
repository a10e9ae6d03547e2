import Glibc

/// An input file, or standard input for `-`, read in blocks.
///
/// The first bytes can be peeked for format detection and are then still
/// delivered to whoever reads the input: our own readers, or libpcap through
/// `takeStream()`. Nothing is read ahead beyond what is asked for.
public final class InputFile {
    /// The input as the user gave it ("-" for standard input).
    public let name: String
    public let isStandardInput: Bool
    private var descriptor: Int32
    /// Bytes read ahead by `peek` and not yet consumed.
    private var pending: [UInt8] = []
    private var pendingStart = 0
    /// Bytes consumed from the descriptor so far (peeked ones included).
    private var descriptorOffset = 0
    /// The error that ended reading early, if any (`read` then reports end of file).
    public private(set) var readError: String?
    /// Once the input went to libpcap: its position as `PcapReader` last saw it.
    var streamPosition: Int?

    /// How many bytes of the input have been consumed so far (for progress): counted as blocks
    /// are read here, or, once the input went to libpcap, as its reader last saw it.
    public var position: Int { streamPosition ?? descriptorOffset - (pending.count - pendingStart) }

    public init(path: String) throws(InputError) {
        name = path
        if path == "-" {
            isStandardInput = true
            descriptor = STDIN_FILENO
            return
        }
        isStandardInput = false
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .cannotOpen(path: path, reason: Self.errorText(errno)) }
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw .cannotOpen(path: path, reason: "is a directory")
        }
        descriptor = fd
    }

    deinit {
        if descriptor > STDIN_FILENO { close(descriptor) }
    }

    /// Up to `count` leading bytes of what has not been consumed yet, without consuming them.
    public func peek(_ count: Int) -> ArraySlice<UInt8> {
        while pending.count - pendingStart < count {
            var block = [UInt8](repeating: 0, count: count - (pending.count - pendingStart))
            let got = readDescriptor(into: &block, count: block.count)
            guard got > 0 else { break }
            pending.append(contentsOf: block[..<got])
        }
        return pending[pendingStart..<min(pending.count, pendingStart + count)]
    }

    /// Reads up to `count` bytes into the front of `buffer`; returns 0 at end of input.
    public func read(into buffer: inout [UInt8], count: Int) -> Int {
        let wanted = min(count, buffer.count)
        guard wanted > 0 else { return 0 }
        if pendingStart < pending.count {
            let available = min(wanted, pending.count - pendingStart)
            buffer.withUnsafeMutableBufferPointer { target in
                for index in 0..<available { target[index] = pending[pendingStart + index] }
            }
            pendingStart += available
            if pendingStart == pending.count {
                pending.removeAll()
                pendingStart = 0
            }
            return available
        }
        return readDescriptor(into: &buffer, count: wanted)
    }

    /// Gives the rest of the input to C stdio (for libpcap), peeked bytes included.
    /// The file's descriptor then belongs to the stream.
    func takeStream() throws(InputError) -> UnsafeMutablePointer<FILE> {
        let unread = Array(pending[pendingStart...])
        pending.removeAll()
        pendingStart = 0
        streamPosition = 0
        let fd = descriptor
        descriptor = -1
        // A seekable file: rewind over what was peeked and hand over the descriptor.
        if !unread.isEmpty, descriptorOffset == unread.count, lseek(fd, 0, SEEK_SET) == 0 {
            return try stream(fd)
        }
        if unread.isEmpty { return try stream(fd) }
        // A pipe: relay the peeked bytes and then the rest through a socket pair.
        var ends: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, Int32(truncatingIfNeeded: SOCK_STREAM.rawValue), 0, &ends) == 0 else {
            throw .cannotOpen(path: name, reason: Self.errorText(errno))
        }
        StreamRelay(prefix: unread, source: fd, sink: ends[1]).start()
        return try stream(ends[0])
    }

    private func stream(_ fd: Int32) throws(InputError) -> UnsafeMutablePointer<FILE> {
        guard let file = fdopen(fd, "rb") else {
            let reason = Self.errorText(errno)
            close(fd)
            throw .cannotOpen(path: name, reason: reason)
        }
        return file
    }

    private func readDescriptor(into buffer: inout [UInt8], count: Int) -> Int {
        guard descriptor >= 0, readError == nil else { return 0 }
        while true {
            let got = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, count) }
            if got >= 0 {
                descriptorOffset += got
                return got
            }
            if errno == EINTR { continue }
            readError = Self.errorText(errno)
            return 0
        }
    }

    static func errorText(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}
