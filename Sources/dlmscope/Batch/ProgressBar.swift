import Foundation
import Glibc

/// The batch's progress on stderr, redrawn in place: files done of total, the input rate and
/// the time left by bytes. Only used when stderr is a terminal.
final class ProgressBar {
    private let totalFiles: Int
    private let totalBytes: Int
    private let start = Date()
    private var lastDraw = Date.distantPast
    private var drawn = false
    private(set) var doneFiles = 0
    private(set) var doneBytes = 0

    init(totalFiles: Int, totalBytes: Int) {
        self.totalFiles = totalFiles
        self.totalBytes = totalBytes
    }

    func advance(bytes: Int) {
        doneFiles += 1
        doneBytes += bytes
        draw(force: true)
    }

    /// Redraws at most five times a second unless forced.
    func draw(force: Bool = false) {
        let now = Date()
        guard force || now.timeIntervalSince(lastDraw) >= 0.2 else { return }
        lastDraw = now
        let elapsed = max(now.timeIntervalSince(start), 0.001)
        let rate = Double(doneBytes) / elapsed
        var line = "\r\u{1B}[K[\(doneFiles)/\(totalFiles) files] \(Self.megabytes(doneBytes))/\(Self.megabytes(totalBytes)) MB"
        line += String(format: "  %.1f MB/s", rate / 1_000_000)
        if rate > 0, doneBytes < totalBytes {
            line += "  ETA " + Self.duration(Double(totalBytes - doneBytes) / rate)
        }
        write(line)
        drawn = true
    }

    /// Clears the line, so that what follows on stderr starts clean.
    func clear() {
        guard drawn else { return }
        write("\r\u{1B}[K")
        drawn = false
    }

    private func write(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }

    private static func megabytes(_ bytes: Int) -> String {
        String(format: "%.1f", Double(bytes) / 1_000_000)
    }

    private static func duration(_ seconds: Double) -> String {
        let total = Int(exactly: seconds.rounded()) ?? 0  // NaN or beyond Int: no estimate
        return total >= 3600 ? String(format: "%d:%02d:%02d", total / 3600, total / 60 % 60, total % 60)
            : String(format: "%d:%02d", total / 60, total % 60)
    }
}
