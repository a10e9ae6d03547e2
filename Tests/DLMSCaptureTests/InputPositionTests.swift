import DLMSCapture
import DLMSCore
import DLMSTestSupport
import Foundation
import Testing

/// `InputFile.position`, the bytes of an input its reader has consumed (for the progress bar):
/// after each pcap record, after each block of a hex log or raw input.
@Suite struct InputPositionTests {
    /// A pcap file is a 24-byte header, then per packet a 16-byte record header and its bytes.
    @Test func aPcapReadersPositionIsTheEndOfTheLastRecord() throws {
        let count = 1500
        var builder = CaptureFileBuilder(linkType: .ethernet)
        builder.append(contentsOf: (0..<count).map { [UInt8](repeating: UInt8(truncatingIfNeeded: $0), count: 100) })
        let path = try Fixtures.temporaryDirectory().appendingPathComponent("positions.pcap").path
        try builder.write(to: path)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        #expect(size == 24 + count * 116)

        let input = try InputFile(path: path)
        #expect(input.position == 0)
        let reader = try PcapReader(input: input)
        for read in 1...count {
            guard case .packet? = reader.next() else {
                Issue.record("no packet \(read)")
                return
            }
            // Every 1024th position comes from the stream itself; it agrees.
            if [1, 3, 1023, 1024, 1025, count].contains(read) { #expect(input.position == 24 + read * 116, "after \(read)") }
        }
        #expect(reader.next() == nil)
        #expect(input.position == size)
    }

    /// A hex log is read in 64 KiB blocks: the position is the end of the last block read.
    @Test func aHexLogReadersPositionIsTheEndOfTheLastBlock() throws {
        let line = "7E A0 07 03 21 93 0F 01 7E\n"
        let lines = 100_000 / line.utf8.count + 1
        let text = String(repeating: line, count: lines)
        let path = try temporaryFile(Array(text.utf8), name: "positions.log")
        let input = try InputFile(path: path)
        let reader = HexLogReader(input: input)
        #expect(reader.next() != nil)
        #expect(input.position == HexLogReader.blockSize)
        while reader.next() != nil {}
        #expect(input.position == text.utf8.count)
    }

    @Test func aRawReadersPositionIsTheEndOfTheLastChunk() throws {
        let path = try temporaryFile([UInt8](repeating: 0x7E, count: 100_000), name: "positions.bin")
        let input = try InputFile(path: path)
        let reader = RawSerialReader(input: input)
        #expect(reader.next() != nil)
        #expect(input.position == RawSerialReader.chunkSize)
        #expect(reader.next() != nil)
        #expect(input.position == 100_000)
    }
}
