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

    /// A directory under the name: refused when opening, nothing created.
    @Test func aDirectoryAtTheNameIsRefused() throws {
        let directory = try Fixtures.temporaryDirectory()
        let path = directory.appendingPathComponent("taken").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        #expect(throws: OutputSink.OpenError.self) { try OutputSink.file(path) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["taken"])
    }

    /// A final name taken while the output was written: no file under either name.
    @Test func anOutputThatCannotBeMovedLeavesNoPartialFile() throws {
        let directory = try Fixtures.temporaryDirectory()
        let path = directory.appendingPathComponent("taken").path
        let sink = try OutputSink.file(path)
        sink.write { $0.append(contentsOf: Array("line\n".utf8)) }
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        try Data().write(to: URL(fileURLWithPath: path).appendingPathComponent("inside"))
        #expect(!sink.close())
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["taken"])
    }

    /// A named pipe (as `/dev/null` or `/dev/stdout`, which are no files either) is written
    /// in place: renaming a finished file over it would replace it.
    @Test func aNamedPipeIsWrittenInPlace() throws {
        let directory = try Fixtures.temporaryDirectory()
        let path = directory.appendingPathComponent("pipe").path
        #expect(mkfifo(path, 0o600) == 0)
        let reader = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        #expect(reader >= 0)
        defer { Glibc.close(reader) }
        let sink = try OutputSink.file(path)
        sink.write { $0.append(contentsOf: Array("line\n".utf8)) }
        #expect(sink.close())
        var info = stat()
        #expect(stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
        var bytes = [UInt8](repeating: 0, count: 16)
        let count = bytes.withUnsafeMutableBytes { read(reader, $0.baseAddress, $0.count) }
        #expect(count == 5 && Array(bytes.prefix(5)) == Array("line\n".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["pipe"])
    }

    /// Through a symbolic link the file it leads to is replaced, and the link stays.
    @Test func aSymbolicLinkStaysALink() throws {
        let directory = try Fixtures.temporaryDirectory()
        let target = directory.appendingPathComponent("target.jsonl").path
        let link = directory.appendingPathComponent("link.jsonl").path
        try Data("old\n".utf8).write(to: URL(fileURLWithPath: target))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        let sink = try OutputSink.file(link)
        sink.write { $0.append(contentsOf: Array("new\n".utf8)) }
        #expect(sink.close())
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "new\n")
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
