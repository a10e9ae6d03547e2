@testable import DLMSCapture
import DLMSCore
import Testing

/// Bracketed logger blocks (`[time - Received N bytes]` and hex lines), and hostile input.
@Suite struct HexLogLoggerBlockTests {
    typealias T = HexLogTesting

    @Test(arguments: [
        ("[2017-09-13 00.00.07.776 - Received 3 (0x03) bytes]", Direction.serverToClient),
        ("[2017-09-13 00.00.07.776 - Received 3 bytes]", .serverToClient),
        ("[2017-09-13 00:00:07.776 - Recv 3 bytes]", .serverToClient),
        ("[2017-09-13 00.00.07.776 - Sent 3 bytes]", .clientToServer),
        ("[2017-09-13 00.00.07.776 - Send 3 (0x3) bytes]", .clientToServer),
        ("[2017-09-13 00.00.07.776 - Transmitted 3 bytes]", .clientToServer),
        ("[2017-09-13T00:00:07.776Z - TX 3 bytes]", .clientToServer),
    ] as [(String, Direction)])
    func headerVariants(header: String, direction: Direction) throws {
        let events = T.parse(header + "\n7E A0  7E\n")
        #expect(T.findings(events).isEmpty)
        let packet = try #require(T.packets(events).first)
        #expect(T.packets(events).count == 1)
        #expect(packet.number == 1)
        #expect(packet.data == [0x7E, 0xA0, 0x7E])
        #expect(packet.direction == direction)
        #expect(packet.timestamp == T.timestamp(2017, 9, 13, 0, 0, 7, nanosecond: 776_000_000))
    }

    @Test func blockSpansLinesUntilABlankLineOrTheNextHeader() {
        let text = """
            [2017-09-13 00.00.07.776 - Received 4 bytes]
            7E A0
            27 7E
            [2017-09-13 00.00.09.784 - Sent 2 bytes]
            7E 7E

            7E A1
            """
        let events = T.parse(text)
        #expect(T.findings(events).isEmpty)
        let packets = T.packets(events)
        #expect(packets.map(\.number) == [1, 4, 7])
        #expect(packets.map(\.data) == [[0x7E, 0xA0, 0x27, 0x7E], [0x7E, 0x7E], [0x7E, 0xA1]])
        #expect(packets.map(\.direction) == [.serverToClient, .clientToServer, .unknown])
    }

    @Test func announcedCountThatDiffersIsAFinding() throws {
        let events = T.parse("[2017-09-13 00.00.07.776 - Received 41 (0x29) bytes]\n7E A0 7E\n")
        #expect(T.packets(events).first?.data == [0x7E, 0xA0, 0x7E])
        let finding = try #require(T.findings(events).first)
        #expect(finding.code == .hexLengthMismatch)
        #expect(finding.packet == 1)
        #expect(finding.message.contains("41"))
        #expect(finding.message.contains("3"))
    }

    @Test func headerWithoutHexIsAMismatchAndNoPacket() throws {
        let events = T.parse("[2017-09-13 00.00.07.776 - Received 2 bytes]\n\n7E A0")
        #expect(T.packets(events).map(\.number) == [3])
        #expect(T.findings(events).map(\.code) == [.hexLengthMismatch])
    }

    @Test func hexAfterTheHeaderBracketStartsTheBlock() throws {
        let packet = try #require(T.packets(T.parse("[12:00:01 - Received 3 bytes] 7E A0\n7E")).first)
        #expect(packet.data == [0x7E, 0xA0, 0x7E])
        #expect(packet.timestamp == nil)
    }

    @Test func prefixedLineEndsTheBlock() {
        let text = """
            [2017-09-13 00.00.07.776 - Received 2 bytes]
            7E A0
            TX 7E A1
            """
        let packets = T.packets(T.parse(text))
        #expect(packets.map(\.number) == [1, 3])
        #expect(packets.map(\.direction) == [.serverToClient, .clientToServer])
    }

    @Test func bracketedTimestampWithoutByteCountIsAPrefix() throws {
        let packet = try #require(T.packets(T.parse("[2017-09-13 00:00:07] RX: 7E A0")).first)
        #expect(packet.data == [0x7E, 0xA0])
        #expect(packet.direction == .serverToClient)
        #expect(packet.timestamp == T.timestamp(2017, 9, 13, 0, 0, 7))
    }

    // MARK: Hostile input

    /// A small deterministic generator (SplitMix64), so that failures reproduce.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test(arguments: [1, 2, 3, 4])
    func randomLinesNeverCrash(seed: UInt64) {
        var random = Generator(state: seed)
        let pieces = [
            "7e", "A0", " ", "  ", "   ", ":", "-", ",", "0x", "*", "[", "]", "|", ">", "<", "->", "RX", "TX:",
            "00000000", "0010", "0000000", "ffffffffffffffff", "2017-09-12", "12:00:01.123", "+02:00", "Z",
            "Received", "41", "bytes", "(0x29)", "=", "#", "\t", "é", "\u{0}", "abc", "7EA02701",
        ]
        var parser = HexLogParser()
        var events: [CaptureEvent] = []
        for number in 1...3000 {
            var line = ""
            for _ in 0..<Int.random(in: 0...12, using: &random) { line += pieces.randomElement(using: &random) ?? "" }
            events += parser.consume(line: Array(line.utf8)[...], number: number)
        }
        events += parser.finish()
        for packet in T.packets(events) {
            #expect((1...3000).contains(packet.number))
            #expect(!packet.data.isEmpty)
            #expect(packet.data.count <= HexLogParser.maxUnitLength)
        }
        for finding in T.findings(events) {
            #expect(finding.message.utf8.count < 200)
        }
    }

    @Test func randomBytesNeverCrash() {
        var random = Generator(state: 99)
        var parser = HexLogParser()
        var count = 0
        for number in 1...2000 {
            let line = (0..<Int.random(in: 0...80, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
            count += parser.consume(line: line[...], number: number).count
        }
        count += parser.finish().count
        #expect(count > 0)
    }

    @Test func hugeOffsetsAndCountsAreHandled() {
        let text = """
            [2017-09-13 00.00.07.776 - Received 99999999999999999999999 bytes]
            7E
            ffffffffffffffff  7e a0 |~.|
            *
            fffffffffffffff0  7e a0 |~.|
            0000000000000000  7e a0 |~.|
            *
            7fffffffffffffff
            """
        let events = T.parse(text)
        let total = T.packets(events).reduce(0) { $0 + $1.data.count }
        #expect(total <= HexLogParser.maxUnitLength + 16)
        #expect(T.findings(events).contains { $0.code == .resourceLimit && $0.packet == 7 })
    }
}
