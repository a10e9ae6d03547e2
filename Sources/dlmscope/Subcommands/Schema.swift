import ArgumentParser
import DLMSOutput

extension DLMScopeCommand {
    struct Schema: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the JSON Schema of a `decode -T json` record."
        )

        func run() {
            print(RecordSchema.text, terminator: "")
        }
    }
}
