import ArgumentParser
import DLMSOutput
import Foundation
import Glibc

/// A batch of inputs run by one subcommand: where each input's output goes (the shared
/// stream, in input order, or one file each under `--out-dir`), the progress bar, errors
/// and notes in input order, and the closing `--summary`.
struct Batch {
    var inputs: [BatchInput]
    var options: BatchOptions
    /// `-o FILE`: the shared stream goes there instead of standard output.
    var outputPath: String?
    /// The extension of each input's file under `--out-dir` (`.jsonl`).
    var outputExtension: String
    /// Whether `--summary` replaces the shared stream (decode) or follows it (verify).
    var summaryReplacesStream: Bool
    var summaryAsJSON: Bool

    struct Result {
        /// Some input could not be read, or some output not written.
        var failed = false
        /// Some input had a finding of error severity.
        var hasErrors = false
    }

    /// Runs `job` for every input; `prologue` and `epilogue` frame the shared stream.
    func run(
        prologue: [UInt8] = [], epilogue: [UInt8] = [],
        job: @escaping @Sendable (BatchInput, JobTarget, JobProgress) -> JobOutcome
    ) throws -> Result {
        let workers = options.workers(for: inputs.count)
        let streams = options.outDirectory == nil && !(options.summary && summaryReplacesStream && outputPath == nil)
        let targets = try self.targets(workers: workers, streams: streams)
        let sink = try CommandLineError.openSink(streams ? outputPath : nil)
        if streams, !prologue.isEmpty {
            sink.write { $0.append(contentsOf: prologue) }
            sink.flush()
        }
        // Jobs' reports redraw the bar unless their output is on the same terminal.
        let outputOnTerminal = streams && outputPath == nil && isatty(STDOUT_FILENO) == 1
        let progress = options.showsProgress
            ? ProgressBar(totalFiles: inputs.count, totalBytes: inputs.reduce(0) { $0 + $1.size }, drawsOnReports: !outputOnTerminal)
            : nil
        var result = Result()
        var summaries: [FileSummary] = []
        defer { targets.cleanUp() }
        BatchRunner(workers: workers).run(
            inputs,
            job: { index, input in
                let reports = progress.map { bar in
                    JobProgress { bytes in bar.report(input: index, bytes: min(bytes, input.size)) }
                }
                return job(input, targets.target(for: index), reports ?? JobProgress())
            },
            waiting: { progress?.draw() }
        ) { index, outcome in
            progress?.clear()
            if !options.quiet { outcome.notes.forEach(CommandLineError.report) }
            if let error = outcome.error { CommandLineError.report(error) }
            if let spool = outcome.spool {
                Self.copy(spool, to: sink)
                unlink(spool)
            }
            if outcome.writeFailed, outcome.error == nil { CommandLineError.report("\(outcome.summary.file): writing its output failed") }
            result.failed = result.failed || outcome.error != nil || outcome.writeFailed
            result.hasErrors = result.hasErrors || outcome.hasErrors
            summaries.append(outcome.summary)
            progress?.advance(input: index, bytes: outcome.bytes)
        }
        progress?.clear()
        if streams, !epilogue.isEmpty { sink.write { $0.append(contentsOf: epilogue) } }
        if options.summary {
            let summarySink = streams && outputPath != nil || !streams ? OutputSink.standardOutput() : sink
            summarySink.write { out in
                if !summaryAsJSON { out.append(contentsOf: FileSummary.textHeader.utf8) }
                for summary in summaries {
                    if summaryAsJSON { summary.jsonLine(into: &out) } else { out.append(contentsOf: summary.textLines.utf8) }
                }
            }
            if summarySink !== sink, !summarySink.close() { result.failed = true }
        }
        guard sink.close() else {
            CommandLineError.report("writing the output failed")
            throw ExitCode(2)
        }
        return result
    }

    /// Each input's target, checked and prepared before any job runs.
    private func targets(workers: Int, streams: Bool) throws -> BatchTargets {
        if let directory = options.outDirectory {
            var paths: [String] = []
            var seen: [String: String] = [:]
            for input in inputs {
                let path = (directory as NSString).appendingPathComponent(input.relativePath + outputExtension)
                if let other = seen[path] {
                    CommandLineError.report("\(other) and \(input.path) would both be written to \(path)")
                    throw ExitCode(2)
                }
                seen[path] = input.path
                do {
                    try FileManager.default.createDirectory(
                        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true
                    )
                } catch {
                    CommandLineError.report("\(path): cannot create its directory: \(error.localizedDescription)")
                    throw ExitCode(2)
                }
                paths.append(path)
            }
            return BatchTargets(kind: .files(paths))
        }
        guard streams else { return BatchTargets(kind: .discard) }
        if workers == 1, outputPath == nil { return BatchTargets(kind: .standardOutput) }
        let spool = FileManager.default.temporaryDirectory.appendingPathComponent("dlmscope-\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path
        do {
            try FileManager.default.createDirectory(atPath: spool, withIntermediateDirectories: true)
        } catch {
            CommandLineError.report("\(spool): cannot create the spool directory: \(error.localizedDescription)")
            throw ExitCode(2)
        }
        return BatchTargets(kind: .spool(spool))
    }

    /// Appends a spool file to the shared stream in 1 MiB reads.
    private static func copy(_ path: String, to sink: OutputSink) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return }
            sink.write { $0.append(contentsOf: chunk.prefix(count)) }
        }
    }
}

/// The targets of a batch's inputs by index.
struct BatchTargets: Sendable {
    enum Kind: Sendable {
        case standardOutput
        case spool(String)
        case files([String])
        case discard
    }

    var kind: Kind

    func target(for index: Int) -> JobTarget {
        switch kind {
        case .standardOutput: .standardOutput
        case .spool(let directory): .spool((directory as NSString).appendingPathComponent("\(index)"))
        case .files(let paths): paths.indices.contains(index) ? .file(paths[index]) : .discard
        case .discard: .discard
        }
    }

    /// Removes the spool directory (its files are removed as they are copied).
    func cleanUp() {
        if case .spool(let directory) = kind { try? FileManager.default.removeItem(atPath: directory) }
    }
}
