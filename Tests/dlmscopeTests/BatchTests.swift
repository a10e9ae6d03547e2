import DLMSTestSupport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Many inputs and directories: output in input order whatever the parallelism, one file per
/// input under --out-dir (complete or absent), hostile and unreadable inputs in the middle of a
/// batch, exit codes, and --summary.
@Suite struct BatchTests {
    /// A corpus directory: the samples several times over in nested folders, a README and a
    /// damaged pcap among them.
    static func corpus() throws -> URL {
        let root = try Fixtures.temporaryDirectory().appendingPathComponent("corpus")
        let manager = FileManager.default
        for folder in ["a", "b/c", "d"] {
            try manager.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        let samples = ["wrapper-session.pcap", "ciphered-session.pcap", "han-push.log", "suite1-session.pcap"]
        for (index, folder) in ["a", "b/c", "d"].enumerated() {
            for sample in samples {
                try manager.copyItem(
                    atPath: Fixtures.project("Samples/\(sample)"),
                    toPath: root.appendingPathComponent("\(folder)/\(index)-\(sample)").path
                )
            }
        }
        try Data("# Notes\nThis folder holds captures. Frame 7E A0 07 03 21 93 0F 01 7E was seen once.\n".utf8)
            .write(to: root.appendingPathComponent("b/README.md"))
        // A pcap header followed by a record header that claims more than the file holds.
        let pcap = try Data(contentsOf: URL(fileURLWithPath: Fixtures.project("Samples/wrapper-session.pcap")))
        try pcap.prefix(24 + 16 + 10).write(to: root.appendingPathComponent("b/c/truncated.pcap"))
        return root
    }

    @Test func outputIsInInputOrderWhateverTheParallelism() throws {
        let corpus = try Self.corpus()
        let serial = try CommandRunner.run(["decode", "-T", "json", "-j", "1", corpus.path])
        let parallel = try CommandRunner.run(["decode", "-T", "json", "-j", "4", corpus.path])
        #expect(serial.status == 0, "\(serial.stderr)")
        #expect(parallel.status == 0, "\(parallel.stderr)")
        #expect(parallel.stdout == serial.stdout, "\(parallel.stderr)")
        // Files sorted by path; the README is not a capture; the damaged pcap is decoded (its records say so).
        var order: [String] = []
        for line in serial.lines {
            guard let range = line.range(of: #""file":"[^"]*""#, options: .regularExpression) else { continue }
            let file = String(line[range].dropFirst(8).dropLast())
            if order.last != file { order.append(file) }
        }
        let names = order.map { String($0.dropFirst(corpus.path.count + 1)) }
        #expect(names == names.sorted())
        #expect(names.count == 13)
        #expect(!names.contains { $0.hasSuffix("README.md") })
        #expect(names.contains("b/c/truncated.pcap"))
        #expect(serial.stdout.contains("pcap-truncated"))
    }

    @Test func xmlOfManyInputsIsOneDocument() throws {
        let corpus = try Self.corpus()
        let result = try CommandRunner.run(["decode", "-T", "xml", "-j", "3", corpus.appendingPathComponent("a").path])
        #expect(result.status == 0)
        #expect(result.stdout.components(separatedBy: "<?xml").count == 2)
        #expect(result.stdout.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Traces>\n"))
        #expect(result.stdout.hasSuffix("</Traces>\n"))
        #expect(result.stdout.components(separatedBy: "<Trace source=").count == 5)
        let document = try XMLDocument(data: Data(result.stdout.utf8))
        #expect(document.rootElement()?.name == "Traces")
    }

    @Test func outDirectoryMirrorsTheInputTree() throws {
        let corpus = try Self.corpus()
        let out = try Fixtures.temporaryDirectory().appendingPathComponent("out")
        let result = try CommandRunner.run(["decode", "-j", "2", "--out-dir", out.path, corpus.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let mirror = String(corpus.path.drop { $0 == "/" })
        let written = try FileManager.default.subpathsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".jsonl") }.sorted()
        #expect(written.count == 13)
        #expect(written.contains("\(mirror)/b/c/1-ciphered-session.pcap.jsonl"))
        #expect(written.contains("\(mirror)/a/0-han-push.log.jsonl"))
        // JSON Lines by default into files; each file is what decoding that input alone gives.
        let alone = try CommandRunner.run(["decode", "-T", "json", corpus.appendingPathComponent("d/2-wrapper-session.pcap").path])
        let file = try String(contentsOf: out.appendingPathComponent("\(mirror)/d/2-wrapper-session.pcap.jsonl"), encoding: .utf8)
        #expect(file == alone.stdout)
        let leftovers = try FileManager.default.subpathsOfDirectory(atPath: out.path).filter { $0.contains(".partial-") }
        #expect(leftovers.isEmpty)
    }

    /// An output that cannot be put in place leaves nothing under its name, and no partial file.
    @Test func anOutputThatCannotBeWrittenLeavesNoPartialFile() throws {
        let corpus = try Self.corpus()
        let out = try Fixtures.temporaryDirectory().appendingPathComponent("blocked")
        // A directory where the output file should go: the final rename fails.
        let mirror = String(corpus.path.drop { $0 == "/" }) + "/a"
        try FileManager.default.createDirectory(
            at: out.appendingPathComponent("\(mirror)/0-wrapper-session.pcap.jsonl"), withIntermediateDirectories: true
        )
        let result = try CommandRunner.run(["decode", "-j", "2", "--out-dir", out.path, corpus.appendingPathComponent("a").path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("0-wrapper-session.pcap"))
        let files = try FileManager.default.subpathsOfDirectory(atPath: out.path)
        #expect(!files.contains { $0.contains(".partial-") }, "\(files)")
        // The other inputs were still written.
        #expect(files.contains("\(mirror)/0-ciphered-session.pcap.jsonl"))
    }

    @Test func anUnreadableInputInTheMiddleDoesNotStopTheBatch() throws {
        let corpus = try Self.corpus()
        let missing = corpus.appendingPathComponent("no-such-file.pcap").path
        let first = corpus.appendingPathComponent("a/0-wrapper-session.pcap").path
        let last = corpus.appendingPathComponent("d/2-ciphered-session.pcap").path
        for jobs in ["1", "3"] {
            let result = try CommandRunner.run(["decode", "-T", "json", "-j", jobs, first, missing, last])
            #expect(result.status == 2)
            #expect(result.stderr.split(separator: "\n").count == 1)
            #expect(result.stderr.contains("no-such-file.pcap"))
            #expect(result.stdout.contains(first) && result.stdout.contains(last))
        }
    }

    @Test func verifyExitStatusReflectsTheWholeBatch() throws {
        let corpus = try Self.corpus()
        let keys = Fixtures.project("Samples/ciphered-session.keys.toml")
        let good = corpus.appendingPathComponent("a/0-ciphered-session.pcap").path
        let plain = corpus.appendingPathComponent("b/c/1-wrapper-session.pcap").path
        #expect(try CommandRunner.run(["verify", "-k", keys, "-j", "2", good, plain]).status == 0)
        // The suite 1 sample under the suite 0 keys: its tags fail.
        let failing = corpus.appendingPathComponent("d/2-suite1-session.pcap").path
        let failed = try CommandRunner.run(["verify", "-k", keys, "-j", "2", good, failing, plain])
        #expect(failed.status == 1)
        #expect(failed.stdout.components(separatedBy: "== ").count == 4)
        let unreadable = try CommandRunner.run(["verify", "-k", keys, good, corpus.appendingPathComponent("nothing.pcap").path, failing])
        #expect(unreadable.status == 2)
    }

    @Test func summaryHasOneEntryPerInput() throws {
        let corpus = try Self.corpus()
        let json = try CommandRunner.run(["decode", "-T", "json", "--summary", "-j", "2", corpus.appendingPathComponent("a").path])
        #expect(json.status == 0)
        #expect(json.lines.count == 4)
        #expect(json.lines.allSatisfy { $0.hasPrefix(#"{"file":"#) && $0.contains(#""apduTypes":"#) })
        let text = try CommandRunner.run(["decode", "-T", "text", "--summary", corpus.appendingPathComponent("a").path])
        #expect(text.lines.first?.hasPrefix("records  APDUs") == true)
        #expect(text.stdout.contains("0-han-push.log"))
        #expect(text.stdout.contains("data-notification 3"))
        // With --out-dir the records go to files and the summary to stdout.
        let out = try Fixtures.temporaryDirectory().appendingPathComponent("summary-out")
        let both = try CommandRunner.run(["decode", "--summary", "-T", "json", "--out-dir", out.path, corpus.appendingPathComponent("a").path])
        #expect(both.lines.count == 4)
        let outputs = try FileManager.default.subpathsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".jsonl") }
        #expect(outputs.count == 4)
    }

    @Test func aDirectoryWithoutCapturesIsAnError() throws {
        let empty = try Fixtures.temporaryDirectory().appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        try Data("just notes\n".utf8).write(to: empty.appendingPathComponent("notes.txt"))
        let result = try CommandRunner.run(["decode", empty.path])
        #expect(result.status == 2)
        #expect(result.stderr == "dlmscope: no capture found in the inputs given\n")
    }

    @Test func outDirectoryCollisionsAreRefused() throws {
        let corpus = try Self.corpus()
        let out = try Fixtures.temporaryDirectory().appendingPathComponent("collide")
        let sample = corpus.appendingPathComponent("a/0-wrapper-session.pcap").path
        let result = try CommandRunner.run(["decode", "--out-dir", out.path, sample, sample])
        #expect(result.status == 2)
        #expect(result.stderr.contains("would both be written to"))
    }
}
