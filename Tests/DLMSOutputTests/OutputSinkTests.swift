import DLMSOutput
import DLMSTestSupport
import Foundation
import Glibc
import Testing

/// A file sink: its content appears under the final name only when closed, and closing it
/// touches no descriptor but its own.
@Suite struct OutputSinkTests {
    @Test func closedFileIsMovedToItsName() throws {
        let path = try Fixtures.temporaryDirectory().appendingPathComponent("out.jsonl").path
        let sink = try OutputSink.file(path)
        sink.write { $0.append(contentsOf: Array("line\n".utf8)) }
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(sink.close())
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "line\n")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent)
        #expect(leftovers == ["out.jsonl"])
    }

    /// A final name that cannot be taken (a directory is there): no file under either name.
    @Test func anOutputThatCannotBeMovedLeavesNoPartialFile() throws {
        let directory = try Fixtures.temporaryDirectory()
        let path = directory.appendingPathComponent("taken").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        let sink = try OutputSink.file(path)
        sink.write { $0.append(contentsOf: Array("line\n".utf8)) }
        #expect(!sink.close())
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["taken"])
    }

    /// A batch's workers open and close files concurrently: once a sink is closed its descriptor
    /// number may be handed to another file at once, which the sink must then leave alone (it
    /// closed it a second time when released, and another worker's output was lost).
    @Test func releasingAClosedSinkLeavesAReusedDescriptorOpen() throws {
        let directory = try Fixtures.temporaryDirectory()
        var sink: OutputSink? = try OutputSink.file(directory.appendingPathComponent("first").path)
        #expect(sink?.close() == true)
        let other = open(directory.appendingPathComponent("second").path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        #expect(other >= 0)
        defer { Glibc.close(other) }
        sink = nil
        #expect(fcntl(other, F_GETFD) >= 0, "the released sink closed a descriptor it no longer owned")
        #expect(OutputSink.writeAll(Array("still open\n".utf8), to: other))
    }

    @Test func closingTwiceFailsWithoutClosingAnythingElse() throws {
        let directory = try Fixtures.temporaryDirectory()
        let sink = try OutputSink.file(directory.appendingPathComponent("first").path)
        #expect(sink.close())
        let other = open(directory.appendingPathComponent("second").path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        defer { Glibc.close(other) }
        #expect(!sink.close())
        #expect(fcntl(other, F_GETFD) >= 0)
    }
}
