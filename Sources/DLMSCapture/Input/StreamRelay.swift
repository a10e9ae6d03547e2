import Glibc

/// Copies a prefix and then a descriptor's remaining bytes into a socket, on a
/// thread of its own, so that libpcap can read a pipe whose first bytes were
/// already consumed for format detection.
final class StreamRelay: @unchecked Sendable {
    private let prefix: [UInt8]
    private let source: Int32
    private let sink: Int32

    init(prefix: [UInt8], source: Int32, sink: Int32) {
        self.prefix = prefix
        self.source = source
        self.sink = sink
    }

    func start() {
        let context = Unmanaged.passRetained(self).toOpaque()
        var thread = pthread_t()
        let started = pthread_create(&thread, nil, { context in
            guard let context else { return nil }
            Unmanaged<StreamRelay>.fromOpaque(context).takeRetainedValue().run()
            return nil
        }, context)
        if started == 0 {
            pthread_detach(thread)
        } else {
            Unmanaged<StreamRelay>.fromOpaque(context).release()
            close(sink)
            if source > STDIN_FILENO { close(source) }
        }
    }

    private func run() {
        defer {
            close(sink)
            if source > STDIN_FILENO { close(source) }
        }
        guard send(prefix) else { return }
        var block = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let got = block.withUnsafeMutableBytes { read(source, $0.baseAddress, $0.count) }
            if got < 0, errno == EINTR { continue }
            guard got > 0, send(block[..<got]) else { return }
        }
    }

    /// Sends everything; false once the reading side has gone away.
    private func send(_ bytes: some Collection<UInt8>) -> Bool {
        let chunk = Array(bytes)
        var offset = 0
        while offset < chunk.count {
            let sent = chunk.withUnsafeBytes {
                Glibc.send(sink, $0.baseAddress.map { $0 + offset }, chunk.count - offset, Int32(truncatingIfNeeded: MSG_NOSIGNAL))
            }
            if sent < 0, errno == EINTR { continue }
            guard sent > 0 else { return false }
            offset += sent
        }
        return true
    }
}
