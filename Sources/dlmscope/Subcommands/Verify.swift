import ArgumentParser
import DLMSAnalysis
import DLMSCapture
import DLMSOutput

extension DLMScopeCommand {
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a capture's security conformance: a report per association and per meter.",
            discussion: """
                Decodes every input like `decode` (files and directories, in parallel with -j, reports \
                in input order or one file each under --out-dir) and reports, per association (AARQ to RLRE) and per meter \
                (system title): APDU counts, the share ciphered, tag verdicts, invocation counter ranges, HLS \
                results, and the findings by code with their first locations.
                Exit status: 0 when no finding has error severity, 1 when one does, 2 for usage errors, \
                unreadable inputs or a bad keys file.
                """
        )

        enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
            case text, json
        }

        @OptionGroup var input: InputOptions
        @OptionGroup(title: "Keys") var keys: KeyOptions

        @Option(
            name: [.customShort("T"), .customLong("format")],
            help: ArgumentHelp("Report format: text, or json (one object per input per line).", valueName: "format")
        )
        var format: ReportFormat = .text

        @Option(name: [.short, .long], help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "file"))
        var output: String?

        @OptionGroup(title: "Batch") var batch: BatchOptions

        func run() throws {
            try input.checkFilter()
            let (keyStore, keyring) = try keys.loadKeys()
            var collector = InputCollector()
            let inputs = collector.collect(input.inputs)
            collector.problems.forEach(CommandLineError.report)
            let job = VerifyJob(
                options: TraceDecoder.Options(
                    capture: .init(raw: input.raw, filter: input.filter), transport: input.transport.forced, keys: keyStore,
                    keyring: keyring
                ),
                json: format == .json
            )
            let result = try Batch(
                inputs: inputs, options: batch, outputPath: output,
                outputExtension: format == .json ? ".verify.json" : ".verify.txt", summaryReplacesStream: false,
                summaryAsJSON: format == .json
            ).run { input, target, progress in job.run(input, target: target, progress: progress) }
            if result.failed || !collector.problems.isEmpty || inputs.isEmpty {
                if inputs.isEmpty { CommandLineError.report("no capture found in the inputs given") }
                throw ExitCode(2)
            }
            if result.hasErrors { throw ExitCode(1) }
        }
    }
}
