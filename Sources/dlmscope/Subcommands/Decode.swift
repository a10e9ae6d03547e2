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
                traffic is a finding in its record. Decoding never fails because the traffic is bad: \
                the exit status is 2 only for usage errors and inputs that cannot be read at all.
                """
        )

        @OptionGroup var input: InputOptions
        @OptionGroup(title: "Keys") var keys: KeyOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            try input.checkFilter()
            let keyStore = try keys.loadKeys()
            let sink = try CommandLineError.openSink(output.output)
            var renderer = output.effectiveFormat.makeRenderer(
                inputCount: input.inputs.count, options: output.renderOptions
            )
            let options = TraceDecoder.Options(
                capture: .init(raw: input.raw, filter: input.filter), transport: input.transport.forced, keys: keyStore
            )
            var unreadable = false
            for name in input.inputs {
                do {
                    try decode(name, options: options, renderer: &renderer, sink: sink)
                } catch {
                    CommandLineError.report("\(error)")
                    unreadable = true
                }
            }
            sink.write { renderer.finish(into: &$0) }
            guard sink.close() else {
                CommandLineError.report("writing the output failed")
                throw ExitCode(2)
            }
            if unreadable { throw ExitCode(2) }
        }

        private func decode(
            _ name: String, options: TraceDecoder.Options, renderer: inout any RecordRenderer, sink: OutputSink
        ) throws(InputError) {
            var decoder = try TraceDecoder(input: try InputFile(path: name), options: options)
            if input.filter != nil, decoder.format != .pcap, decoder.format != .pcapng {
                CommandLineError.report("\(name): the capture filter applies to pcap/pcapng inputs only; ignored")
            }
            sink.write { renderer.beginInput(name, into: &$0) }
            while let record = decoder.next() {
                sink.write { renderer.render(record, input: name, into: &$0) }
            }
            sink.write { renderer.endInput(name, into: &$0) }
        }
    }
}
