import ArgumentParser
import DLMSOutput
import Glibc

/// How the CLI reports problems: one line on stderr, prefixed with the tool's name.
enum CommandLineError {
    static func report(_ message: String) {
        let line = Array("dlmscope: \(message)\n".utf8)
        _ = line.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }

    /// The output file (standard output when nil), or one line on stderr and exit status 2.
    static func openSink(_ path: String?) throws -> OutputSink {
        do {
            return try path.map { try OutputSink.file($0) } ?? .standardOutput()
        } catch {
            report("\(error)")
            throw ExitCode(2)
        }
    }
}
