import DLMSAnalysis
import DLMSCapture
import DLMSCore
import DLMSOutput
import DLMSTestSupport
import Foundation
import Testing

/// Every capture in ../shared/captures and every reference input in
/// ../shared/reference/gurux, decoded: every JSON line is valid against the
/// published schema, and the XML of every file is well-formed.
@Suite struct ContractSweepTests {
    static let inputs: [String] = {
        var files: [String] = []
        for directory in ["captures", "reference/gurux"] {
            let folder = Fixtures.shared(directory)
            guard let names = try? FileManager.default.subpathsOfDirectory(atPath: folder) else { continue }
            for name in names.sorted() where name.hasSuffix(".pcap") || name.hasSuffix(".hex") || name.hasSuffix(".log") {
                files.append(folder + "/" + name)
            }
        }
        return files
    }()

    static func render(_ path: String, _ format: OutputFormat) throws -> String {
        var renderer = format.makeRenderer(inputCount: 1)
        var out: [UInt8] = []
        renderer.beginInput(path, into: &out)
        for record in try TraceDecoder(input: try InputFile(path: path)) {
            renderer.render(record, input: path, into: &out)
        }
        renderer.endInput(path, into: &out)
        renderer.finish(into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    @Test func thereAreInputsToSweep() {
        #expect(Self.inputs.count > 100)
    }

    @Test(arguments: inputs)
    func jsonLinesFollowTheSchema(path: String) throws {
        let validator = try JSONSchemaValidator(schema: Data(RecordSchema.text.utf8))
        let lines = try Self.render(path, .json).split(separator: "\n")
        for line in lines {
            let problems = validator.validate(jsonLine: String(line))
            #expect(problems.isEmpty, "\(path): \(problems.prefix(3))")
        }
    }

    @Test(arguments: inputs)
    func xmlIsWellFormed(path: String) throws {
        let xml = try Self.render(path, .xml)
        #expect(GuruxReference.tree(xml) != nil, "\(path)")
    }
}
