@testable import dlmscope
import DLMSAnalysis
import DLMSCore
import DLMSTestSupport
import Foundation
import Glibc
import Testing

/// The progress bar counts what jobs have read of the files in progress, and jobs report
/// their position every `JobProgress.interval` records.
@Suite struct ProgressTests {
    static let start = Date(timeIntervalSince1970: 1_000_000)

    /// A file the bar draws into instead of stderr.
    static func output() throws -> (path: String, descriptor: Int32) {
        let path = try Fixtures.temporaryDirectory().appendingPathComponent("progress").path
        return (path, open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644))
    }

    @Test func aPartlyReadFileCounts() throws {
        let (_, descriptor) = try Self.output()
        defer { close(descriptor) }
        let bar = ProgressBar(totalFiles: 2, totalBytes: 3_000_000, start: Self.start, drawsOnReports: false, output: descriptor)
        #expect(bar.line(at: Self.start + 1) == "\r\u{1B}[K[0/2 files] 0.0/3.0 MB  0.0 MB/s")
        // Half a megabyte in one second: 2.5 MB left at 0.5 MB/s.
        bar.report(input: 0, bytes: 500_000)
        #expect(bar.line(at: Self.start + 1) == "\r\u{1B}[K[0/2 files] 0.5/3.0 MB  0.5 MB/s  ETA 0:05")
        // Two files in progress at once.
        bar.report(input: 1, bytes: 250_000)
        bar.report(input: 0, bytes: 750_000)
        #expect(bar.line(at: Self.start + 2) == "\r\u{1B}[K[0/2 files] 1.0/3.0 MB  0.5 MB/s  ETA 0:04")
        // The first file done (1 MB in all): its partial count gives way to its size.
        bar.advance(input: 0, bytes: 1_000_000)
        #expect(bar.line(at: Self.start + 2) == "\r\u{1B}[K[1/2 files] 1.2/3.0 MB  0.6 MB/s  ETA 0:03")
    }

    /// Reports redraw the bar; cleared for other output, it stays away until the next file is done.
    @Test func reportsRedrawUntilCleared() throws {
        let (path, descriptor) = try Self.output()
        defer { close(descriptor) }
        let bar = ProgressBar(totalFiles: 2, totalBytes: 3_000_000, drawsOnReports: true, output: descriptor)
        func drawn() throws -> String { try String(contentsOfFile: path, encoding: .utf8) }
        bar.report(input: 0, bytes: 500_000)
        #expect(try drawn().hasPrefix("\r\u{1B}[K[0/2 files] 0.5/3.0 MB  "))
        bar.clear()
        let cleared = try drawn()
        #expect(cleared.hasSuffix("\r\u{1B}[K"))
        bar.report(input: 0, bytes: 900_000)
        #expect(try drawn() == cleared)
        bar.advance(input: 0, bytes: 1_000_000)
        #expect(try drawn().dropFirst(cleared.count).hasPrefix("\r\u{1B}[K[1/2 files] 1.0/3.0 MB  "))
    }

    @Test func jobsReportEveryIntervalRecords() {
        let positions = Positions()
        var progress = JobProgress { positions.add($0) }
        var calls = 0
        for record in 1...(2 * JobProgress.interval + 100) {
            progress.count {
                calls += 1
                return record * 10
            }
        }
        #expect(calls == 2)
        #expect(positions.values == [JobProgress.interval * 10, 2 * JobProgress.interval * 10])
    }

    /// `verify` on a capture of 10,007 records reports twice, at increasing positions within the file.
    @Test func aVerifyJobReportsItsPosition() throws {
        let path = try Fixtures.temporaryDirectory().appendingPathComponent("progress.pcap").path
        try SampleCaptures.interleavedAssociations(groups: 400, meters: []).write(to: path)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        let positions = Positions()
        let job = VerifyJob(options: TraceDecoder.Options(), json: true)
        let outcome = job.run(
            BatchInput(path: path, relativePath: "progress.pcap", size: size), target: .discard,
            progress: JobProgress { positions.add($0) }
        )
        #expect(outcome.error == nil)
        #expect(outcome.summary.records == 25 * 400 + 7)
        #expect(positions.values.count == 2)
        #expect(positions.values == positions.values.sorted())
        #expect(positions.values.allSatisfy { $0 > 0 && $0 < size })
    }

    /// Positions reported from a job (thread-safe, as reports may come from any thread).
    final class Positions: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [Int] = []

        func add(_ value: Int) { lock.withLock { list.append(value) } }
        var values: [Int] { lock.withLock { list } }
    }
}
