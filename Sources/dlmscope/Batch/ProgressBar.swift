import Foundation
import Glibc

/// The batch's progress on stderr, redrawn in place: files done of total, the input rate and
/// the time left by bytes, counting what the jobs have read of the files in progress. Only
/// used when stderr is a terminal. Safe from any thread: jobs report their position while the
/// batch delivers outcomes.
final class ProgressBar: @unchecked Sendable {
    private let totalFiles: Int
    private let totalBytes: Int
    private let start: Date
    /// Whether jobs' reports may redraw (not while their output goes to the same terminal).
    private let drawsOnReports: Bool
    /// Where it is drawn: stderr.
    private let output: Int32
    private let lock = NSLock()
    private var lastDraw = Date.distantPast
    private var drawn = false
    /// Cleared for other output on stderr: not redrawn until the next file is done.
    private var hidden = false
    private var doneFiles = 0
    private var doneBytes = 0
    /// Bytes read so far of the inputs in progress, by input index.
    private var reading: [Int: Int] = [:]

    /// At most this often a second.
    static let redrawInterval: TimeInterval = 0.1

    init(totalFiles: Int, totalBytes: Int, start: Date = Date(), drawsOnReports: Bool = true, output: Int32 = STDERR_FILENO) {
        self.totalFiles = totalFiles
        self.totalBytes = totalBytes
        self.start = start
        self.drawsOnReports = drawsOnReports
        self.output = output
    }

    /// A job has read `bytes` of input `index` so far.
    func report(input index: Int, bytes: Int) {
        lock.withLock {
            reading[index] = bytes
            if drawsOnReports { drawLocked(force: false) }
        }
    }

    /// Input `index` of `bytes` is done.
    func advance(input index: Int, bytes: Int) {
        lock.withLock {
            reading[index] = nil
            doneFiles += 1
            doneBytes += bytes
            hidden = false
            drawLocked(force: true)
        }
    }

    /// Redraws at most ten times a second unless forced.
    func draw(force: Bool = false) {
        lock.withLock { drawLocked(force: force) }
    }

    /// Clears the line, so that what follows on stderr starts clean, until the next file is done.
    func clear() {
        lock.withLock {
            hidden = true
            guard drawn else { return }
            write("\r\u{1B}[K")
            drawn = false
        }
    }

    /// The line as drawn at `now`.
    func line(at now: Date) -> String {
        lock.withLock { lineLocked(at: now) }
    }

    private func drawLocked(force: Bool) {
        let now = Date()
        guard !hidden, force || now.timeIntervalSince(lastDraw) >= Self.redrawInterval else { return }
        lastDraw = now
        write(lineLocked(at: now))
        drawn = true
    }

    private func lineLocked(at now: Date) -> String {
        let bytes = doneBytes + reading.values.reduce(0, +)
        let elapsed = max(now.timeIntervalSince(start), 0.001)
        let rate = Double(bytes) / elapsed
        var line = "\r\u{1B}[K[\(doneFiles)/\(totalFiles) files] \(Self.megabytes(bytes))/\(Self.megabytes(totalBytes)) MB"
        line += String(format: "  %.1f MB/s", rate / 1_000_000)
        if rate > 0, bytes < totalBytes {
            line += "  ETA " + Self.duration(Double(totalBytes - bytes) / rate)
        }
        return line
    }

    private func write(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.write(output, $0.baseAddress, $0.count) }
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
