import DLMSAnalysis
import DLMSCapture
import DLMSCore
import DLMSOutput

/// Decodes one input of a batch into its target, counting what its summary needs.
struct DecodeJob: Sendable {
    var options: TraceDecoder.Options
    var format: OutputFormat
    var renderOptions: RenderOptions
    /// Whether the inputs share one output document (XML then has a `<Traces>` root, opened
    /// by the batch, not here).
    var sharedDocument: Bool
    var inputCount: Int

    func run(_ input: BatchInput, target: JobTarget, progress: JobProgress = JobProgress()) -> JobOutcome {
        var outcome = JobOutcome(summary: FileSummary(file: input.path), bytes: input.size)
        let file: InputFile
        let decoder: TraceDecoder
        do {
            file = try InputFile(path: input.path)
            decoder = try TraceDecoder(input: file, options: options)
        } catch {
            outcome.error = "\(error)"
            outcome.summary.error = "\(error)"
            return outcome
        }
        if options.capture.filter != nil, decoder.format != .pcap, decoder.format != .pcapng {
            outcome.notes.append("\(input.path): the capture filter applies to pcap/pcapng inputs only; ignored")
        }
        guard let sink = target.openSink(recordingIn: &outcome) else { return outcome }
        var renderer = format.makeRenderer(inputCount: sharedDocument ? inputCount : 1, options: renderOptions)
        if sharedDocument {
            // The batch wrote the shared document's prologue once.
            var prologue: [UInt8] = []
            renderer.start(into: &prologue)
        }
        var records = decoder
        var progress = progress
        sink?.write { renderer.beginInput(input.path, into: &$0) }
        while let record = records.next() {
            progress.count { file.position }
            outcome.summary.add(record)
            if record.findings.contains(where: { $0.severity == .error }) { outcome.hasErrors = true }
            sink?.write { renderer.render(record, input: input.path, into: &$0) }
        }
        sink?.write { renderer.endInput(input.path, into: &$0) }
        if !sharedDocument { sink?.write { renderer.finish(into: &$0) } }
        if let sink, !sink.close() { outcome.writeFailed = true }
        return outcome
    }
}
