import DLMSCapture
import DLMSCore
import DLMSTestSupport
import Foundation
import Testing

@Suite struct CaptureFormatTests {
    @Test(arguments: [
        ([UInt8]([0xD4, 0xC3, 0xB2, 0xA1]), CaptureFormat.pcap),
        ([0xA1, 0xB2, 0xC3, 0xD4], .pcap),
        ([0x4D, 0x3C, 0xB2, 0xA1], .pcap),
        ([0xA1, 0xB2, 0x3C, 0x4D], .pcap),
        ([0x0A, 0x0D, 0x0D, 0x0A, 0x1C, 0, 0, 0], .pcapng),
        (Array("7EA0270102011013\n".utf8), .hexLog),
        ([0xEF, 0xBB, 0xBF] + Array("# log\n7E A0\n".utf8), .hexLog),
        ([0x7E, 0xA0, 0x27, 0x01, 0x02, 0x00, 0x10], .unknownBinary),
        ([], .empty),
    ])
    func detectsFromContent(bytes: [UInt8], format: CaptureFormat) {
        #expect(CaptureFormat.detect(bytes) == format)
    }

    @Test func detectionIgnoresTheFileName() throws {
        let pcap = try readAll(Fixtures.project("Samples/wrapper-session.pcap"))
        let renamed = try temporaryFile(
            Array(try Data(contentsOf: URL(fileURLWithPath: Fixtures.project("Samples/wrapper-session.pcap")))),
            name: "capture.hex"
        )
        #expect(try readAll(renamed).format == pcap.format)
    }

    @Test func binaryThatIsNoCaptureIsRefusedUnlessRaw() throws {
        let path = try temporaryFile([0x7E, 0xA0, 0x07, 0x03, 0x21, 0x93, 0x0F, 0x01, 0x7E])
        #expect(throws: InputError.notACapture(path: path)) { try readAll(path) }
        let raw = try readAll(path, options: .init(raw: true))
        #expect(raw.events.packets.map(\.data) == [[0x7E, 0xA0, 0x07, 0x03, 0x21, 0x93, 0x0F, 0x01, 0x7E]])
        #expect(raw.events.packets.first?.linkType == .serial)
    }

    @Test func rawFilesAreReadInChunks() throws {
        let bytes = (0..<(RawSerialReader.chunkSize * 2 + 10)).map { UInt8(truncatingIfNeeded: $0) }
        let events = try readAll(try temporaryFile(bytes), options: .init(raw: true)).events
        #expect(events.packets.map(\.data.count) == [RawSerialReader.chunkSize, RawSerialReader.chunkSize, 10])
        #expect(events.packets.flatMap(\.data) == bytes)
        #expect(events.packets.map(\.number) == [1, 2, 3])
    }

    @Test func anEmptyFileHasNothingInIt() throws {
        let result = try readAll(try temporaryFile([]))
        #expect(result.format == .empty)
        #expect(result.events.isEmpty)
    }

    @Test func missingFilesAndDirectoriesCannotBeOpened() throws {
        #expect(throws: InputError.self) { try InputFile(path: "/nonexistent/capture.pcap") }
        #expect(throws: InputError.self) { try InputFile(path: Fixtures.project("Samples")) }
    }
}
