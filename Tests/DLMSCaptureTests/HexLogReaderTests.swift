@testable import DLMSCapture
import DLMSCore
import Foundation
import Testing

/// Writes `bytes` to a fresh temporary file and reads it back through `HexLogReader`.
private func readThroughFile(_ bytes: [UInt8]) throws -> [CaptureEvent] {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("hexlog-\(UUID().uuidString).txt")
    try Data(bytes).write(to: url)
    defer { try? FileManager.default.removeItem(at: url) }
    let reader = HexLogReader(input: try InputFile(path: url.path))
    var events: [CaptureEvent] = []
    while let event = reader.next() { events.append(event) }
    return events
}

/// Splits `bytes` fed in chunks of `chunkSize`, collecting the lines (nil for an overlong one).
private func split(_ bytes: [UInt8], chunkSize: Int, maxLineLength: Int = 1 << 20) -> [(Int, [UInt8]?)] {
    var splitter = HexLogLineSplitter(maxLineLength: maxLineLength)
    var lines: [(Int, [UInt8]?)] = []
    let collect: (HexLogLineSplitter.Piece) -> Void = { piece in
        switch piece {
        case let .line(line, number): lines.append((number, Array(line)))
        case let .overlong(number): lines.append((number, nil))
        }
    }
    var start = 0
    while start < bytes.count {
        let end = min(start + chunkSize, bytes.count)
        splitter.push(bytes[start..<end], collect)
        start = end
    }
    splitter.finish(collect)
    return lines
}

@Suite struct HexLogReaderTests {
    typealias T = HexLogTesting

    static let lineEnds: [(name: String, text: String)] = [
        ("LF", "# head\n7E A0\n\n7E A1\n"),
        ("CRLF", "# head\r\n7E A0\r\n\r\n7E A1\r\n"),
        ("CR", "# head\r7E A0\r\r7E A1\r"),
        ("no final line end", "# head\n7E A0\n\n7E A1"),
        ("BOM", "\u{FEFF}# head\n7E A0\n\n7E A1\n"),
        ("BOM and CRLF", "\u{FEFF}# head\r\n7E A0\r\n\r\n7E A1"),
    ]

    @Test(arguments: lineEnds)
    func lineEndsAndBOM(name: String, text: String) throws {
        let events = try readThroughFile(Array(text.utf8))
        #expect(T.findings(events).isEmpty, "\(name)")
        let packets = T.packets(events)
        #expect(packets.map(\.number) == [2, 4], "\(name)")
        #expect(packets.map(\.data) == [[0x7E, 0xA0], [0x7E, 0xA1]], "\(name)")
    }

    @Test func byteOrderMarkBeforeData() throws {
        let events = try readThroughFile([0xEF, 0xBB, 0xBF] + Array("7E A0\r\n".utf8))
        #expect(T.findings(events).isEmpty)
        #expect(T.packets(events).first?.data == [0x7E, 0xA0])
    }

    @Test(arguments: [1, 2, 3, 7, 64])
    func splittingDoesNotDependOnChunking(chunkSize: Int) {
        let text = Array("a\r\nbb\rccc\n\r\n\rd\r\r\ne".utf8)
        let lines = split(text, chunkSize: chunkSize)
        #expect(lines.map(\.0) == Array(1...8))
        #expect(lines.map { $0.1.map { String(decoding: $0, as: UTF8.self) } } == [
            "a", "bb", "ccc", "", "", "d", "", "e",
        ])
    }

    @Test(arguments: [1, 5, 4096])
    func overlongLinesAreDroppedNotBuffered(chunkSize: Int) {
        let text = Array("short\n\(String(repeating: "7E", count: 20))\nnext\n".utf8)
        let lines = split(text, chunkSize: chunkSize, maxLineLength: 16)
        #expect(lines.count == 3)
        #expect(lines[0].1 == Array("short".utf8))
        #expect(lines[1].0 == 2)
        #expect(lines[1].1 == nil)
        #expect(lines[2].1 == Array("next".utf8))
    }

    @Test func overlongLineIsOneFindingAndEndsTheBlock() throws {
        var parser = HexLogParser()
        var events = parser.consume(line: Array("[2017-09-13 00.00.07.776 - Received 2 bytes]".utf8)[...], number: 1)
        events += parser.consume(line: Array("7E A0".utf8)[...], number: 2)
        events += parser.skipOverlongLine(number: 3)
        events += parser.consume(line: Array("7E A1".utf8)[...], number: 4)
        events += parser.finish()
        #expect(T.packets(events).map(\.number) == [1, 4])
        let finding = try #require(T.findings(events).first)
        #expect(T.findings(events).count == 1)
        #expect(finding.code == .resourceLimit)
        #expect(finding.packet == 3)
    }

    @Test func twoMegabyteLineThroughTheReader() throws {
        let bytes = (0..<1_100_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        let text = "2017-09-12T12:00:01Z RX " + Hex.encode(bytes) + "\n7E A0\n"
        #expect(text.utf8.count > 2_000_000)
        let events = try readThroughFile(Array(text.utf8))
        #expect(T.findings(events).isEmpty)
        let packets = T.packets(events)
        #expect(packets.count == 2)
        #expect(packets.first?.data == bytes)
        #expect(packets.first?.direction == .serverToClient)
        #expect(packets.first?.timestamp == T.timestamp(2017, 9, 12, 12, 0, 1))
        #expect(packets.last?.number == 2)
    }

    @Test func binaryJunkInAFileIsAFindingPerLine() throws {
        var bytes = Array("7E A0\n".utf8)
        bytes += [0x00, 0x01, 0x02, 0xFE, 0x0A]
        bytes += Array("RX 7E A1\n".utf8)
        let events = try readThroughFile(bytes)
        #expect(T.packets(events).map(\.number) == [1, 3])
        let finding = try #require(T.findings(events).first)
        #expect(finding.packet == 2)
        #expect(finding.offset == 0)
    }

    @Test func emptyFileGivesNothing() throws {
        #expect(try readThroughFile([]).isEmpty)
    }
}
