import ArgumentParser
import DLMSAnalysis
import DLMSCapture
import DLMSOutput

extension DLMScopeCommand {
    struct Decode: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Decode captures into annotated records (JSON Lines, text or XML).",
            discussion: """
                Every unit of every input becomes a record, in capture order; every defect in the \
                traffic is a finding in its record. Inputs may be files and directories (searched \
                recursively for pcap, pcapng and hex-log files, by content); they are decoded in \
                parallel (-j) and their output stays in input order, on stdout or one file each \
                under --out-dir. Decoding never fails because the traffic is bad: the exit status is \
                2 only for usage errors and inputs that cannot be read at all (the others are still \
                decoded).
                """
        )

        @OptionGroup var input: InputOptions
        @OptionGroup(title: "Keys") var keys: KeyOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup(title: "Batch") var batch: BatchOptions

        func run() throws {
            try input.checkFilter()
            let (keyStore, keyring) = try keys.loadKeys()
            var collector = InputCollector()
            let inputs = collector.collect(input.inputs)
            collector.problems.forEach(CommandLineError.report)
            let format = output.effectiveFormat(outDirectory: batch.outDirectory)
            let shared = batch.outDirectory == nil
            let job = DecodeJob(
                options: TraceDecoder.Options(
                    capture: .init(raw: input.raw, filter: input.filter), transport: input.transport.forced, keys: keyStore,
                    keyring: keyring
                ),
                format: format, renderOptions: output.renderOptions, sharedDocument: shared, inputCount: inputs.count
            )
            var frame = format.makeRenderer(inputCount: inputs.count, options: output.renderOptions)
            var prologue: [UInt8] = []
            var epilogue: [UInt8] = []
            if !inputs.isEmpty {
                frame.start(into: &prologue)
                frame.finish(into: &epilogue)
            }
            let result = try Batch(
                inputs: inputs, options: batch, outputPath: output.output, outputExtension: format.fileExtension,
                summaryReplacesStream: true, summaryAsJSON: format == .json
            ).run(prologue: prologue, epilogue: epilogue) { input, target, progress in
                job.run(input, target: target, progress: progress)
            }
            if result.failed || !collector.problems.isEmpty || inputs.isEmpty {
                if inputs.isEmpty { CommandLineError.report("no capture found in the inputs given") }
                throw ExitCode(2)
            }
        }
    }
}

extension OutputFormat {
    /// The extension of an output file under `--out-dir`.
    var fileExtension: String {
        switch self {
        case .json: ".jsonl"
        case .text: ".txt"
        case .xml: ".xml"
        }
    }
}
