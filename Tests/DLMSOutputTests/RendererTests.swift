import DLMSAnalysis
import DLMSCore
import DLMSOutput
import DLMSTestSupport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

@Suite struct RendererTests {
    static let records: [Record] = [
        Record(index: 1, packets: [4], time: Timestamp(seconds: 1_681_405_219, nanoseconds: 611_972_123),
               flow: "10.0.0.2:50000 -> 10.0.0.1:4059", direction: .clientToServer,
               transport: TransportHeader(kind: .none, fields: [.text("protocol", "tcp"), .integer("bytes", 39)]),
               findings: []),
        Record(index: 2, packets: [], time: nil, flow: nil, direction: .unknown,
               transport: TransportHeader(kind: .none, fields: [
                   Field("nested", .fields([.integer("a", -1), .bytes("b", [0xDE, 0xAD])])),
                   Field("list", .list([.unsigned(UInt64.max), .boolean(true), .null])),
               ]),
               findings: [Finding(.hexLineUnparsed, "bad \"line\" <&>\u{1}\n", packet: 7, offset: 3)]),
    ]

    static func render(_ format: OutputFormat, inputs: [String] = ["in.pcap"]) -> String {
        var renderer = format.makeRenderer(inputCount: inputs.count)
        var out: [UInt8] = []
        for input in inputs {
            renderer.beginInput(input, into: &out)
            for record in records { renderer.render(record, input: input, into: &out) }
            renderer.endInput(input, into: &out)
        }
        renderer.finish(into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    @Test func jsonLinesFollowTheContractAndTheSchema() throws {
        let lines = Self.render(.json).split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines[0] == """
            {"file":"in.pcap","index":1,"packets":[4],"time":"2023-04-13T17:00:19.611972Z",\
            "flow":"10.0.0.2:50000 -> 10.0.0.1:4059","direction":"client-to-server",\
            "transport":{"kind":"none","protocol":"tcp","bytes":39},"apdu":null,"security":null,"findings":[]}
            """)
        let validator = try JSONSchemaValidator(schema: Data(RecordSchema.text.utf8))
        for line in lines { #expect(validator.validate(jsonLine: line) == []) }
        let second = try #require(try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any])
        let finding = try #require((second["findings"] as? [[String: Any]])?.first)
        #expect(finding["message"] as? String == "bad \"line\" <&>\u{1}\n")
        #expect(finding["packet"] as? Int == 7)
        #expect(finding["offset"] as? Int == 3)
        let transport = try #require(second["transport"] as? [String: Any])
        #expect((transport["nested"] as? [String: Any])?["b"] as? String == "DEAD")
        #expect(lines[1].contains("\"list\":[18446744073709551615,true,null]"))
    }

    @Test func theSchemaRejectsBrokenRecords() throws {
        let validator = try JSONSchemaValidator(schema: Data(RecordSchema.text.utf8))
        #expect(!validator.validate(jsonLine: #"{"file":"x"}"#).isEmpty)
        let wrongDirection = Self.render(.json).split(separator: "\n")[0]
            .replacingOccurrences(of: "client-to-server", with: "upstream")
        #expect(!validator.validate(jsonLine: wrongDirection).isEmpty)
    }

    @Test func thePublishedSchemaFileIsWhatTheToolPrints() throws {
        let file = try String(contentsOfFile: Fixtures.project("schema/record.schema.json"), encoding: .utf8)
        #expect(file == RecordSchema.text)
    }

    @Test(arguments: [["in.pcap"], ["a.pcap", "b & <c>.hex"]])
    func xmlIsWellFormed(inputs: [String]) throws {
        let xml = Self.render(.xml, inputs: inputs)
        let parser = XMLParser(data: Data(xml.utf8))
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")\n\(xml)")
        #expect(xml.contains("<Trace source=\"in.pcap\">") || inputs.count > 1)
        #expect(xml.contains(#"<Transport kind="none" protocol="tcp" bytes="39"/>"#))
        #expect(xml.contains(#"<Finding severity="warning" code="hex-line-unparsed" packet="7" offset="3">"#))
    }

    @Test func textIsOneLinePerRecordWithFindingsIndented() {
        let text = Self.render(.text)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "== in.pcap")
        #expect(lines[1].hasPrefix("#1  [4]  2023-04-13T17:00:19.611972Z  10.0.0.2:50000 -> 10.0.0.1:4059  C->S  TCP 39 bytes"))
        #expect(lines[3].hasPrefix("    warning hex-line-unparsed: bad"))
    }
}
