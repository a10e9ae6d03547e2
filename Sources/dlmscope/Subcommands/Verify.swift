import ArgumentParser
import DLMSAnalysis
import DLMSCapture
import DLMSOutput

extension DLMScopeCommand {
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a capture's security conformance: a report per association and per meter.",
            discussion: """
                Decodes every input like `decode` and reports, per association (AARQ to RLRE) and per meter \
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

        func run() throws {
            try input.checkFilter()
            let keyStore = try keys.loadKeys()
            let sink = try CommandLineError.openSink(output)
            let options = TraceDecoder.Options(
                capture: .init(raw: input.raw, filter: input.filter), transport: input.transport.forced, keys: keyStore
            )
            var unreadable = false
            var failed = false
            for name in input.inputs {
                do {
                    let report = try audit(name, options: options)
                    failed = failed || report.hasErrors
                    sink.write { out in
                        switch format {
                        case .text: out.append(contentsOf: report.text.utf8)
                        case .json: report.json(into: &out)
                        }
                    }
                } catch {
                    CommandLineError.report("\(error)")
                    unreadable = true
                }
            }
            guard sink.close() else {
                CommandLineError.report("writing the report failed")
                throw ExitCode(2)
            }
            if unreadable { throw ExitCode(2) }
            if failed { throw ExitCode(1) }
        }

        private func audit(_ name: String, options: TraceDecoder.Options) throws(InputError) -> ConformanceReport {
            var decoder = try TraceDecoder(input: try InputFile(path: name), options: options)
            var auditor = ConformanceAuditor(input: name)
            while let record = decoder.next() { auditor.add(record) }
            return auditor.finish()
        }
    }
}
