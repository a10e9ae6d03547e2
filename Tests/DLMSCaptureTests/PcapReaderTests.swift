import DLMSCapture
import DLMSCore
import DLMSTestSupport
import Foundation
import Testing

@Suite struct PcapReaderTests {
    static func sampleCapture(count: Int = 5, linkType: LinkType = .ethernet) throws -> (path: String, frames: [[UInt8]]) {
        var builder = CaptureFileBuilder(linkType: linkType)
        let frames = (0..<count).map { index in [UInt8](repeating: UInt8(index), count: 60 + index) }
        builder.append(contentsOf: frames)
        let path = try Fixtures.temporaryDirectory().appendingPathComponent("sample.pcap").path
        try builder.write(to: path)
        return (path, frames)
    }

    @Test func readsBackWhatTheWriterWrote() throws {
        let (path, frames) = try Self.sampleCapture()
        let (format, events) = try readAll(path)
        #expect(format == .pcap)
        #expect(events.packets.map(\.data) == frames)
        #expect(events.packets.map(\.number) == [1, 2, 3, 4, 5])
        #expect(events.packets.first?.linkType == .ethernet)
        // CaptureFileBuilder starts at 2024-03-13T09:00:00Z and steps 1 ms.
        #expect(events.packets.map { $0.timestamp?.rfc3339 } == [
            "2024-03-13T09:00:00.000000Z", "2024-03-13T09:00:00.001000Z", "2024-03-13T09:00:00.002000Z",
            "2024-03-13T09:00:00.003000Z", "2024-03-13T09:00:00.004000Z",
        ])
        #expect(events.findings.isEmpty)
    }

    @Test func nanosecondTimestampsSurvive() throws {
        var builder = CaptureFileBuilder(linkType: .ethernet, start: Timestamp(seconds: 1_000, nanoseconds: 123_456_789))
        builder.append([1, 2, 3])
        let path = try Fixtures.temporaryDirectory().appendingPathComponent("ns.pcap").path
        try builder.write(to: path, nanosecond: true)
        let packet = try #require(try readAll(path).events.packets.first)
        #expect(packet.timestamp == Timestamp(seconds: 1_000, nanoseconds: 123_456_789))
    }

    @Test(arguments: [
        LinkType.ethernet, .bsdLoopback, .openBSDLoopback, .rawIP, .ipv4, .ipv6, .linuxSLL, .linuxSLL2,
        .user(0), .user(15),
    ])
    func linkTypesRoundTripThroughLibpcap(linkType: LinkType) throws {
        let (path, _) = try Self.sampleCapture(count: 1, linkType: linkType)
        #expect(try readAll(path).events.packets.first?.linkType == linkType)
    }

    @Test func unknownLinkTypesAreNamedByLibpcap() throws {
        let (path, _) = try Self.sampleCapture(count: 1, linkType: .unsupported(dlt: 105, name: ""))
        let linkType = try readAll(path).events.packets.first?.linkType
        #expect(linkType == .unsupported(dlt: 105, name: "IEEE802_11"))
    }

    @Test func aFileCutInsideARecordYieldsTheCompleteOnesAndAFinding() throws {
        let (path, frames) = try Self.sampleCapture()
        let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
        let cut = try temporaryFile(Array(bytes.dropLast(10)))
        let events = try readAll(cut).events
        #expect(events.packets.map(\.data) == Array(frames.prefix(4)))
        #expect(events.findings.map(\.code) == [.pcapTruncated])
        #expect(events.findings.first?.packet == 5)
    }

    @Test func aFileCutInsideARecordHeaderIsTruncatedToo() throws {
        let (path, frames) = try Self.sampleCapture()
        let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
        // The last record is a 16-byte header and 64 data bytes: keep 8 header bytes of it.
        let cut = try temporaryFile(Array(bytes.dropLast(64 + 8)))
        let events = try readAll(cut).events
        #expect(events.packets.count == frames.count - 1)
        #expect(events.findings.map(\.code) == [.pcapTruncated])
    }

    @Test func aRecordClaimingFourGigabytesIsReportedNotAllocated() throws {
        let (path, _) = try Self.sampleCapture(count: 2)
        var bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
        // The second record header starts after the 24-byte file header and the first record (16 + 60).
        let caplen = 24 + 16 + 60 + 8
        for index in caplen..<(caplen + 8) { bytes[index] = 0xFF }
        let events = try readAll(try temporaryFile(bytes)).events
        #expect(events.packets.count == 1)
        #expect(events.findings.map(\.code) == [.pcapCorrupt])
    }

    @Test func aFileWithoutACompleteHeaderCannotBeOpened() throws {
        let path = try temporaryFile([0xD4, 0xC3, 0xB2, 0xA1, 2, 0, 4, 0])
        #expect(throws: InputError.self) { try readAll(path) }
    }

    @Test func pcapngIsReadLikePcap() throws {
        // Made with `editcap -F pcapng Samples/wrapper-session.pcap` (Wireshark's editcap).
        let pcapng = try readAll(Fixtures.project("Tests/DLMSCaptureTests/Fixtures/wrapper-session.pcapng"))
        let pcap = try readAll(Fixtures.project("Samples/wrapper-session.pcap"))
        #expect(pcapng.format == .pcapng)
        #expect(pcapng.events.packets.count == 17)
        #expect(pcapng.events.packets.map(\.data) == pcap.events.packets.map(\.data))
        #expect(pcapng.events.packets.map(\.timestamp) == pcap.events.packets.map(\.timestamp))
    }

    @Test func aBPFFilterKeepsCaptureRecordNumbers() throws {
        let path = Fixtures.project("Samples/wrapper-session.pcap")
        let events = try readAll(path, options: .init(filter: "tcp[tcpflags] & tcp-push != 0 and src port 4059")).events
        // Server segments with data in Samples/wrapper-session.pcap: packets 5, 7, 10, 12 and 14 (tshark agrees).
        #expect(events.packets.map(\.number) == [5, 7, 10, 12, 14])
    }

    @Test func anInvalidFilterIsRejectedWithLibpcapsMessage() {
        #expect(throws: InputError.self) { try PcapReader.validate(filter: "port notanumber and (") }
        do {
            try PcapReader.validate(filter: "tcp and (")
        } catch {
            #expect(error.description.contains("syntax error"))
        }
    }

    @Test func aFilterInvalidForTheFilesLinkTypeIsAnInputError() throws {
        let (path, _) = try Self.sampleCapture(count: 1, linkType: .user(0))
        #expect(throws: InputError.self) { try readAll(path, options: .init(filter: "ether host 00:11:22:33:44:55")) }
    }
}
