@testable import DLMSCapture
import DLMSCore
import Testing

/// Offset-prefixed dumps. The fixtures are the real output of `hexdump`, `od`,
/// `xxd` and `tshark -x` for the first frame of kaifa_han_20170912-3.log
/// (41 bytes), the same frame after 64 zero bytes, and 23 ASCII characters that
/// look like hex ("ab cd ef 00 11 22 33 44") followed by the frame's first 10 bytes.
@Suite struct HexLogDumpTests {
    typealias T = HexLogTesting

    static let zerosThenFrame = [UInt8](repeating: 0, count: 64) + T.kaifaFrame
    static let asciiThenFrame = Array("ab cd ef 00 11 22 33 44".utf8) + T.kaifaFrame.prefix(10)

    static let frameDumps: [(name: String, text: String)] = [
        ("hexdump -C", """
            00000000  7e a0 27 01 02 01 10 5a  87 e6 e7 00 0f 40 00 00  |~.'....Z.....@..|
            00000010  00 09 0c 07 e1 09 0d 02  00 00 06 ff 80 00 00 02  |................|
            00000020  01 06 00 00 11 ac 85 61  7e                       |.......a~|
            00000029
            """),
        ("hexdump", """
            0000000 a07e 0127 0102 5a10 e687 00e7 400f 0000
            0000010 0900 070c 09e1 020d 0000 ff06 0080 0200
            0000020 0601 0000 ac11 6185 007e               
            0000029
            """),
        ("od -t x1", """
            0000000 7e a0 27 01 02 01 10 5a 87 e6 e7 00 0f 40 00 00
            0000020 00 09 0c 07 e1 09 0d 02 00 00 06 ff 80 00 00 02
            0000040 01 06 00 00 11 ac 85 61 7e
            0000051
            """),
        ("od -A x -t x1z -v", """
            000000 7e a0 27 01 02 01 10 5a 87 e6 e7 00 0f 40 00 00  >~.'....Z.....@..<
            000010 00 09 0c 07 e1 09 0d 02 00 00 06 ff 80 00 00 02  >................<
            000020 01 06 00 00 11 ac 85 61 7e                       >.......a~<
            000029
            """),
        ("od -x", """
            0000000 a07e 0127 0102 5a10 e687 00e7 400f 0000
            0000020 0900 070c 09e1 020d 0000 ff06 0080 0200
            0000040 0601 0000 ac11 6185 007e
            0000051
            """),
        ("xxd", """
            00000000: 7ea0 2701 0201 105a 87e6 e700 0f40 0000  ~.'....Z.....@..
            00000010: 0009 0c07 e109 0d02 0000 06ff 8000 0002  ................
            00000020: 0106 0000 11ac 8561 7e                   .......a~
            """),
        ("tshark -x", """
            0000  7e a0 27 01 02 01 10 5a 87 e6 e7 00 0f 40 00 00   ~.'....Z.....@..
            0010  00 09 0c 07 e1 09 0d 02 00 00 06 ff 80 00 00 02   ................
            0020  01 06 00 00 11 ac 85 61 7e                        .......a~
            """),
        ("Wireshark Copy as Hex Dump", """
            0000   7e a0 27 01 02 01 10 5a 87 e6 e7 00 0f 40 00 00   ~.'....Z.....@..
            0010   00 09 0c 07 e1 09 0d 02 00 00 06 ff 80 00 00 02   ................
            0020   01 06 00 00 11 ac 85 61 7e                        .......a~
            """),
    ]

    @Test(arguments: frameDumps)
    func dumpOfOneFrameIsOneUnit(name: String, text: String) throws {
        let events = T.parse(text)
        #expect(T.findings(events).isEmpty, "\(name)")
        let packets = T.packets(events)
        #expect(packets.count == 1, "\(name)")
        let packet = try #require(packets.first)
        #expect(packet.data == T.kaifaFrame, "\(name)")
        #expect(packet.number == 1)
        #expect(packet.linkType == .serial)
        #expect(packet.timestamp == nil)
        #expect(packet.direction == .unknown)
    }

    static let repeatDumps: [(name: String, text: String)] = [
        ("hexdump -C", """
            00000000  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |................|
            *
            00000040  7e a0 27 01 02 01 10 5a  87 e6 e7 00 0f 40 00 00  |~.'....Z.....@..|
            00000050  00 09 0c 07 e1 09 0d 02  00 00 06 ff 80 00 00 02  |................|
            00000060  01 06 00 00 11 ac 85 61  7e                       |.......a~|
            00000069
            """),
        ("hexdump", """
            0000000 0000 0000 0000 0000 0000 0000 0000 0000
            *
            0000040 a07e 0127 0102 5a10 e687 00e7 400f 0000
            0000050 0900 070c 09e1 020d 0000 ff06 0080 0200
            0000060 0601 0000 ac11 6185 007e               
            0000069
            """),
        ("od -t x1", """
            0000000 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
            *
            0000100 7e a0 27 01 02 01 10 5a 87 e6 e7 00 0f 40 00 00
            0000120 00 09 0c 07 e1 09 0d 02 00 00 06 ff 80 00 00 02
            0000140 01 06 00 00 11 ac 85 61 7e
            0000151
            """),
    ]

    @Test(arguments: repeatDumps)
    func repeatMarkerIsExpanded(name: String, text: String) throws {
        let events = T.parse(text)
        #expect(T.findings(events).isEmpty, "\(name)")
        let packet = try #require(T.packets(events).first)
        #expect(T.packets(events).count == 1)
        #expect(packet.data == Self.zerosThenFrame, "\(name)")
    }

    @Test func repeatMarkerAtTheEndExpandsToTheFinalOffset() throws {
        let text = """
            00000000  00 00 00 00 00 00 00 00  00 00 00 00 00 00 00 00  |................|
            *
            00000400
            """
        let packet = try #require(T.packets(T.parse(text)).first)
        #expect(packet.data == [UInt8](repeating: 0, count: 0x400))
    }

    @Test func repeatExpansionIsBounded() throws {
        let text = """
            00000000  55 55 55 55 55 55 55 55  55 55 55 55 55 55 55 55  |UUUUUUUUUUUUUUUU|
            *
            7ffffff0  7e 7e 7e 7e 7e 7e 7e 7e  7e 7e 7e 7e 7e 7e 7e 7e  |~~~~~~~~~~~~~~~~|
            80000000
            """
        let events = T.parse(text)
        let packets = T.packets(events)
        let total = packets.reduce(0) { $0 + $1.data.count }
        #expect(total <= HexLogParser.maxUnitLength + 16)
        #expect(packets.first?.data.count == HexLogParser.maxUnitLength)
        #expect(packets.first?.data.allSatisfy { $0 == 0x55 } == true)
        #expect(packets.last?.data == [UInt8](repeating: 0x7E, count: 16))
        let finding = try #require(T.findings(events).first { $0.code == .resourceLimit })
        #expect(finding.packet == 2)
        #expect(T.findings(events).allSatisfy { $0.code == .resourceLimit })
    }

    @Test func repeatMarkerWithoutAFollowingOffsetIsReported() throws {
        let text = """
            00000000  7e a0 27 01 02 01 10 5a  87 e6 e7 00 0f 40 00 00  |~.'....Z.....@..|
            *
            """
        let events = T.parse(text)
        #expect(T.packets(events).first?.data == Array(T.kaifaFrame.prefix(16)))
        let finding = try #require(T.findings(events).first)
        #expect(finding.code == .hexLineUnparsed)
        #expect(finding.packet == 2)
    }

    static let asciiDumps: [(name: String, text: String)] = [
        ("hexdump -C", """
            00000000  61 62 20 63 64 20 65 66  20 30 30 20 31 31 20 32  |ab cd ef 00 11 2|
            00000010  32 20 33 33 20 34 34 7e  a0 27 01 02 01 10 5a 87  |2 33 44~.'....Z.|
            00000020  e6                                                |.|
            00000021
            """),
        ("od -A x -t x1z -v", """
            000000 61 62 20 63 64 20 65 66 20 30 30 20 31 31 20 32  >ab cd ef 00 11 2<
            000010 32 20 33 33 20 34 34 7e a0 27 01 02 01 10 5a 87  >2 33 44~.'....Z.<
            000020 e6                                               >.<
            000021
            """),
        ("xxd", """
            00000000: 6162 2063 6420 6566 2030 3020 3131 2032  ab cd ef 00 11 2
            00000010: 3220 3333 2034 347e a027 0102 0110 5a87  2 33 44~.'....Z.
            00000020: e6                                       .
            """),
        ("tshark -x", """
            0000  61 62 20 63 64 20 65 66 20 30 30 20 31 31 20 32   ab cd ef 00 11 2
            0010  32 20 33 33 20 34 34 7e a0 27 01 02 01 10 5a 87   2 33 44~.'....Z.
            0020  e6                                                .
            """),
        ("hexdump", """
            0000000 6261 6320 2064 6665 3020 2030 3131 3220
            0000010 2032 3333 3420 7e34 27a0 0201 1001 875a
            0000020 00e6                                   
            0000021
            """),
    ]

    @Test(arguments: asciiDumps)
    func textColumnThatLooksLikeHexIsNotRead(name: String, text: String) throws {
        let events = T.parse(text)
        #expect(T.findings(events).isEmpty, "\(name)")
        let packet = try #require(T.packets(events).first)
        #expect(T.packets(events).count == 1, "\(name)")
        #expect(packet.data == Self.asciiThenFrame, "\(name)")
    }

    @Test func offsetZeroStartsANewUnit() {
        let text = """
            0000  7e a0 27 01 02 01 10 5a 87 e6 e7 00 0f 40 00 00   ~.'....Z.....@..
            0010  00 09 0c 07 e1 09 0d 02 00 00 06 ff 80 00 00 02   ................
            0020  01 06 00 00 11 ac 85 61 7e                        .......a~
            0000  61 62 20 63 64 20 65 66 20 30 30 20 31 31 20 32   ab cd ef 00 11 2
            0010  32 20 33 33 20 34 34 7e a0 27 01 02 01 10 5a 87   2 33 44~.'....Z.
            0020  e6                                                .

            0000  7e a0 27 01 02 01 10 5a 87 e6 e7 00 0f 40 00 00   ~.'....Z.....@..
            0010  00 09 0c 07 e1 09 0d 02 00 00 06 ff 80 00 00 02   ................
            0020  01 06 00 00 11 ac 85 61 7e                        .......a~
            """
        let events = T.parse(text)
        #expect(T.findings(events).isEmpty)
        let packets = T.packets(events)
        #expect(packets.map(\.number) == [1, 4, 8])
        #expect(packets.map(\.data) == [T.kaifaFrame, Self.asciiThenFrame, T.kaifaFrame])
    }

    @Test func offsetThatDoesNotContinueStartsANewUnit() {
        let text = """
            00000000  7e a0 27 01 02 01 10 5a  87 e6 e7 00 0f 40 00 00  |~.'....Z.....@..|
            00000030  00 09 0c 07 e1 09 0d 02  00 00 06 ff 80 00 00 02  |................|
            00000040  01 06 00 00 11 ac 85 61  7e                       |.......a~|
            """
        let packets = T.packets(T.parse(text))
        #expect(packets.map(\.number) == [1, 2])
        #expect(packets.map(\.data.count) == [16, 25])
    }

    @Test func finalOffsetThatDisagreesIsALengthMismatch() throws {
        let text = """
            00000000  7e a0 27 01 02 01 10 5a  87 e6 e7 00 0f 40 00 00  |~.'....Z.....@..|
            00000010  00 09 0c 07 e1 09 0d 02  00 00 06 ff 80 00 00 02  |................|
            00000020  01 06 00 00 11 ac 85 61  7e                       |.......a~|
            00000030
            """
        let events = T.parse(text)
        #expect(T.packets(events).first?.data == T.kaifaFrame)
        let finding = try #require(T.findings(events).first)
        #expect(finding.code == .hexLengthMismatch)
        #expect(finding.packet == 4)
    }

    @Test func badTokenInsideADumpIsUnparsed() throws {
        let text = """
            00000000  7e a0 27 01 02 01 10 5a  87 e6 e7 00 0f 40 00 00  |~.'....Z.....@..|
            00000010  00 09 0c 07 e1 zz 0d 02  00 00 06 ff 80 00 00 02  |................|
            """
        let events = T.parse(text)
        let finding = try #require(T.findings(events).first)
        #expect(finding.code == .hexLineUnparsed)
        #expect(finding.packet == 2)
        #expect(finding.offset == 25)
        #expect(T.packets(events).map(\.data) == [Array(T.kaifaFrame.prefix(16))])
    }

    @Test func linesAreCutToTheWidthOfTheBlock() throws {
        // A made-up dump whose text column follows after two spaces only.
        let text = """
            0000  7e a0 27 01 02 01 10 5a  ~.'....Z
            0008  87 e6 e7 00 0f 40 00 00  ab cd ef
            """
        let packet = try #require(T.packets(T.parse(text)).first)
        #expect(packet.data == Array(T.kaifaFrame.prefix(16)))
    }

    @Test func dumpLinesNeverSwallowPlainHexLines() {
        // Plain lines that start with 4+ hex digits but are no dump (non-zero offset, no text column).
        let text = """
            7EA0 2701 0201
            20170912 7E A0 27
            7EA0270102 0110
            000102030405 0607
            """
        let packets = T.packets(T.parse(text))
        #expect(packets.map(\.data) == [
            [0x7E, 0xA0, 0x27, 0x01, 0x02, 0x01], [0x7E, 0xA0, 0x27], [0x7E, 0xA0, 0x27, 0x01, 0x02, 0x01, 0x10],
            [0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07],
        ])
    }
}
