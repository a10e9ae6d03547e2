import DLMSOutput
import DLMSTestSupport
import Foundation
import Testing

@Suite struct DecodeCommandTests {
    static let sample = "Samples/wrapper-session.pcap"

    @Test func decodesTheSampleToSchemaValidJSONLines() throws {
        let result = try CommandRunner.run(["decode", "-T", "json", Self.sample])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let validator = try JSONSchemaValidator(schema: Data(RecordSchema.text.utf8))
        #expect(!result.lines.isEmpty)
        for line in result.lines { #expect(validator.validate(jsonLine: line) == []) }
        #expect(result.lines.first?.hasPrefix(#"{"file":"Samples/wrapper-session.pcap","index":1,"#) == true)
    }

    /// Every sample, opened with its keys (certificates, signatures, Security setup events
    /// included), gives schema-valid records.
    @Test(arguments: [
        ["Samples/ciphered-session.pcap", "-k", "Samples/ciphered-session.keys.toml"],
        ["Samples/suite1-session.pcap", "-k", "Samples/suite1-session.keys.toml"],
        ["Samples/suite2-session.pcap", "-k", "Samples/suite2-session.keys.toml"],
        ["Samples/han-push.log"],
    ])
    func everySampleDecodesToSchemaValidJSONLines(arguments: [String]) throws {
        let result = try CommandRunner.run(["decode", "-T", "json"] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        let validator = try JSONSchemaValidator(schema: Data(RecordSchema.text.utf8))
        #expect(!result.lines.isEmpty)
        for line in result.lines { #expect(validator.validate(jsonLine: line) == [], "\(line)") }
    }

    @Test func jsonIsTheDefaultWhenStdoutIsNotATerminal() throws {
        let result = try CommandRunner.run(["decode", Self.sample])
        #expect(result.lines.first?.hasPrefix("{") == true)
        // `decode` is the default subcommand.
        #expect(try CommandRunner.run([Self.sample]).stdout == result.stdout)
    }

    @Test func textAndXMLFormats() throws {
        let text = try CommandRunner.run(["decode", "-T", "text", Self.sample])
        #expect(text.lines.first == "== Samples/wrapper-session.pcap")
        #expect(text.lines.contains { $0.contains("tcp-retransmission") })
        let xml = try CommandRunner.run(["decode", "-T", "xml", Self.sample])
        #expect(xml.status == 0)
        #expect(xml.stdout.hasPrefix("<?xml"))
    }

    @Test func readsPcapAndHexLogsFromStandardInput() throws {
        let pcap = try Data(contentsOf: Fixtures.packageRoot.appendingPathComponent(Self.sample))
        let fromFile = try CommandRunner.run(["decode", "-T", "json", Self.sample])
        let fromPipe = try CommandRunner.run(["decode", "-T", "json", "-"], stdin: pcap)
        #expect(fromPipe.status == 0)
        #expect(fromPipe.stdout == fromFile.stdout.replacingOccurrences(of: #""file":"Samples/wrapper-session.pcap""#,
                                                                          with: #""file":"-""#))
        // Vector d09: a UA from server 1 to client 16.
        let hex = try CommandRunner.run(["decode", "-T", "json", "-"], stdin: Data("7EA00721037301407E\n# comment\n".utf8))
        #expect(hex.status == 0)
        #expect(hex.lines.count == 1)
        #expect(hex.lines.first?.contains(#""kind":"hdlc""#) == true)
        #expect(hex.lines.first?.contains(#""frameType":"UA""#) == true)
    }

    @Test func aBPFFilterSelectsPackets() throws {
        let all = try CommandRunner.run(["decode", "-T", "json", Self.sample])
        let server = try CommandRunner.run(["decode", "-T", "json", "-f", "src port 4059", Self.sample])
        #expect(server.status == 0)
        #expect(server.lines.count < all.lines.count)
        #expect(server.lines.allSatisfy { $0.contains("server-to-client") })
    }

    @Test func outputToAFileAppearsOnlyWhenComplete() throws {
        let directory = try Fixtures.temporaryDirectory()
        let target = directory.appendingPathComponent("out.jsonl").path
        let result = try CommandRunner.run(["decode", "-T", "json", "-o", target, Self.sample])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        let written = try String(contentsOfFile: target, encoding: .utf8)
        #expect(written == (try CommandRunner.run(["decode", "-T", "json", Self.sample])).stdout)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["out.jsonl"])
    }

    @Test func anUnreadableInputDoesNotStopTheOthersButExitsWithTwo() throws {
        let result = try CommandRunner.run(["decode", "-T", "json", "/nonexistent.pcap", Self.sample])
        #expect(result.status == 2)
        #expect(result.stderr == "dlmscope: /nonexistent.pcap: cannot open: No such file or directory\n")
        #expect(result.lines.contains { $0.contains("Samples/wrapper-session.pcap") })
    }

    @Test(arguments: [
        (["decode"], "Missing expected argument"),
        (["decode", "-f", "tcp and (", "Samples/wrapper-session.pcap"], "invalid capture filter 'tcp and (': "),
        (["decode", "-T", "yaml", "Samples/wrapper-session.pcap"], "yaml"),
        (["decode", "--no-such-flag", "Samples/wrapper-session.pcap"], "--no-such-flag"),
        (["decode", "Package.swift.nonexistent"], "cannot open"),
    ])
    func usageErrorsAreOneLineOnStderrAndExitTwo(arguments: [String], expected: String) throws {
        let result = try CommandRunner.run(arguments)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("dlmscope: "))
        #expect(result.stderr.contains(expected))
        #expect(result.stderr.filter { $0 == "\n" }.count == 1, "\(result.stderr)")
    }

    @Test func binaryFilesThatAreNoCaptureNeedRaw() throws {
        let path = try Fixtures.temporaryDirectory().appendingPathComponent("serial.bin").path
        // Vector d09 (a UA) and a stray byte.
        try Data([0x7E, 0xA0, 0x07, 0x21, 0x03, 0x73, 0x01, 0x40, 0x7E, 0x00]).write(to: URL(fileURLWithPath: path))
        let refused = try CommandRunner.run(["decode", path])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("--raw"))
        let raw = try CommandRunner.run(["decode", "-T", "json", "--raw", path])
        #expect(raw.status == 0)
        #expect(raw.lines.count == 2)
        #expect(raw.lines.first?.contains(#""frameType":"UA""#) == true)
        #expect(raw.lines.last?.contains(#""code":"frame-garbage-skipped""#) == true)
    }

    @Test func helpAndVersionExitZero() throws {
        let help = try CommandRunner.run(["decode", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("--filter"))
        #expect(try CommandRunner.run(["--version"]).status == 0)
    }
}

@Suite struct SchemaCommandTests {
    @Test func printsThePublishedSchema() throws {
        let result = try CommandRunner.run(["schema"])
        #expect(result.status == 0)
        let file = try String(contentsOfFile: Fixtures.project("schema/record.schema.json"), encoding: .utf8)
        #expect(result.stdout == file)
    }
}
