import ArgumentParser
import DLMSAnalysis
import DLMSCore
import DLMSOutput
import Glibc

extension DLMScopeCommand {
    struct PDU: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "pdu",
            abstract: "Decode bare APDUs given in hex (one per argument, or one per line of standard input with '-').",
            discussion: """
                Each APDU is decoded and annotated like a record of `decode`; with -T xml only the APDU's \
                element is printed, in the Gurux translator's vocabulary, as its translator does for one PDU.
                """
        )

        @Argument(help: ArgumentHelp("APDUs in hex (spaces allowed), or '-' to read one per line.", valueName: "hex"))
        var apdus: [String]

        @Option(name: [.customShort("T"), .customLong("format")], help: "Output format: json, text or xml.")
        var format: OutputFormat?

        @Flag(name: [.customShort("V"), .long], help: "Text output: show every decoded field under each line.")
        var verbose = false

        @Flag(name: .long, help: "Show LLS passwords and dedicated keys instead of their length.")
        var showSecrets = false

        @OptionGroup(title: "Keys") var keys: KeyOptions

        func validate() throws {
            guard !apdus.isEmpty else { throw ValidationError("no APDU given") }
        }

        func run() throws {
            let options = RenderOptions(showSecrets: showSecrets, verbose: verbose)
            let format = self.format ?? (isatty(STDOUT_FILENO) == 1 ? .text : .json)
            let (keyStore, keyring) = try keys.loadKeys()
            var decoder = PDUDecoder(keys: keyStore, keyring: keyring)
            var renderer = format.makeRenderer(inputCount: 1, options: options)
            let sink = OutputSink.standardOutput()
            var number = 0
            var bad = false
            func decode(_ text: Substring) {
                let trimmed = text.drop { $0 == " " || $0 == "\t" }
                guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { return }
                number += 1
                guard let bytes = Hex.decode(trimmed.filter { $0 != ":" && $0 != "-" }), !bytes.isEmpty else {
                    CommandLineError.report("input \(number) is not hex: \(trimmed.prefix(40))")
                    bad = true
                    return
                }
                for record in decoder.decode(bytes, number: number) {
                    sink.write { out in
                        if format == .xml {
                            out.append(contentsOf: APDURendering.xml(record, options: options).utf8)
                        } else {
                            renderer.render(record, input: "pdu", into: &out)
                        }
                    }
                }
            }
            if apdus == ["-"] {
                while let line = readLine(strippingNewline: true) { decode(line[...]) }
            } else {
                for argument in apdus { decode(argument[...]) }
            }
            sink.close()
            if bad { throw ExitCode(2) }
        }
    }
}
