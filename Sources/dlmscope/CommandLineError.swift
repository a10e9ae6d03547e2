import Glibc

/// How the CLI reports problems: one line on stderr, prefixed with the tool's name.
enum CommandLineError {
    static func report(_ message: String) {
        let line = Array("dlmscope: \(message)\n".utf8)
        _ = line.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }
}
