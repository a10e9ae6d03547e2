import DLMSCore
import DLMSFraming
import DLMSTestSupport
import Testing

@Suite struct MBusDeframerTests {
    static let frames = MBusSamples.austrianFrames
    static let short = MBusFrameBuilder.short(control: 0x5B, address: 0xFE)

    @Test func austrianFramesAreAsTheSourceDescribesThem() throws {
        try #require(Self.frames.count == 2)
        for frame in Self.frames {
            // 68 L L 68 C A CI STSAP DTSAP … CS 16, L counting C to the end of the data.
            #expect(frame[0] == 0x68 && frame[3] == 0x68 && frame[1] == frame[2])
            #expect(Int(frame[1]) == frame.count - 6)
            #expect(frame.last == 0x16)
            #expect(frame[4..<(frame.count - 2)].reduce(0, &+) == frame[frame.count - 2])
            #expect(frame[4] == 0x53 && frame[5] == 0xFF && frame[7] == 0x01 && frame[8] == 0x67)
        }
        #expect(Self.frames.map { $0[6] } == [0x00, 0x11])
    }

    @Test func austrianPushReassemblesIntoItsAPDU() throws {
        let expected = MBusSamples.austrianAPDU
        #expect(Hex.encode(expected.prefix(10)) == "DB084B464D1010000023")
        // general-glo-ciphering: tag, system title length 8 and title, then the length 82 0109 of what follows.
        #expect(expected.count > 13 && expected[10...12] == [0x82, 0x01, 0x09])
        #expect(expected.count == 13 + 0x0109)

        let units = deframe(MBusDeframer(), Self.frames)
        #expect(units.count == 1)
        let unit = try #require(units.first)
        #expect(unit.kind == .mbus)
        #expect(unit.apdu == expected)
        #expect(unit.packets == [1, 2])
        #expect(unit.findings.isEmpty)
        #expect(unit.direction == nil)
        #expect(unit.fields == [
            .text("frame", "long"), .integer("length", 0x26), .bytes("control", [0x53]), .text("function", "SND_UD"),
            .boolean("primary", true), .integer("address", 255), .bytes("ci", [0x11]), .integer("segment", 1),
            .boolean("lastSegment", true), .integer("sourceTSAP", 1), .integer("destinationTSAP", 0x67),
            .text("checksum", "valid"), .integer("segments", 2),
        ])
    }

    @Test func bothFramesInOnePacket() {
        let units = deframe(MBusDeframer(), [Self.frames.flatMap { $0 }])
        #expect(units.map(\.apdu) == [MBusSamples.austrianAPDU])
        #expect(units.first?.packets == [1])
    }

    @Test func theSameUnitsWhateverTheChunking() {
        #expect(DeframerHarness.chunkingDifferences({ MBusDeframer() }, Self.frames.flatMap { $0 }) == [])
        let quirk = Self.lowByteFrames(apdu: MBusSamples.apdu(272))
        var badQuirk = quirk
        badQuirk[0][261] &+= 1
        let mixed: [UInt8] = [0x00, 0xE5, 0x68, 0x16] + Self.short + Self.frames[0] + MBusFrameBuilder.acknowledgement
            + [0xAA, 0x68, 0x01, 0x01, 0x68] + Self.frames[1] + quirk.flatMap { $0 } + [0x10, 0x40]
            + badQuirk.flatMap { $0 } + [0x68, 0x05, 0x05, 0x68, 0x08, 0x05, 0x72, 0x01, 0x02, 0x82, 0x16]
            + Self.frames[0] + [0x68, 0xFA, 0xFA, 0x68, 0x53]
        #expect(DeframerHarness.chunkingDifferences({ MBusDeframer() }, mixed) == [])
    }

    // MARK: Resynchronisation

    @Test func garbageBetweenFramesIsReportedOncePerRun() throws {
        let chunks = [[0x01, 0x02, 0x03], Self.frames[0], [0xAA, 0x68, 0x16, 0x10], Self.frames[1]]
        let units = deframe(MBusDeframer(), chunks)
        try #require(units.count == 3)
        #expect(units.map(\.kind) == [.none, .none, .mbus])
        #expect(units[0].codes == ["frame-garbage-skipped"])
        #expect(units[0].findings.first?.message == "3 bytes skipped before an M-Bus frame")
        #expect(units[0].findings.first?.offset == 0)
        #expect(units[0].packets == [1])
        #expect(units[1].findings.first?.message == "4 bytes skipped before an M-Bus frame")
        #expect(units[1].findings.first?.offset == 3 + 256)
        #expect(units[1].packets == [3])
        #expect(units[2].apdu == MBusSamples.austrianAPDU)
        #expect(units[2].packets == [2, 4])
        #expect(units[2].findings.isEmpty)
    }

    @Test func acknowledgementsAndShortFramesBetweenLongFrames() throws {
        let ack = MBusFrameBuilder.acknowledgement
        let units = deframe(MBusDeframer(), [Self.short, Self.frames[0], ack, Self.frames[1], ack])
        #expect(units.map { $0.field("frame") } == [.text("short"), .text("ack"), .text("long"), .text("ack")])
        #expect(units.map(\.packets) == [[1], [3], [2, 4], [5]])
        #expect(units.map { $0.apdu == nil } == [true, true, false, true])
        #expect(units.allSatisfy { $0.findings.isEmpty && $0.kind == .mbus })
        #expect(units.first?.field("function") == .text("REQ_UD2"))
    }

    @Test func anE5InsideGarbageIsGarbage() {
        let units = deframe(MBusDeframer(), [[0x01, 0xE5, 0x02] + Self.frames[0] + Self.frames[1]])
        #expect(units.count == 2)
        #expect(units.first?.findings.first?.message == "3 bytes skipped before an M-Bus frame")
        #expect(units.last?.apdu == MBusSamples.austrianAPDU)
    }

    @Test func aFrameOfAnotherApplicationHasNoAPDU() throws {
        let other: [UInt8] = [0x68, 0x05, 0x05, 0x68, 0x08, 0x05, 0x72, 0x01, 0x02, 0x82, 0x16]
        let units = deframe(MBusDeframer(), [Self.frames[0], other, Self.frames[1]])
        try #require(units.count == 2)
        #expect(units[0].apdu == nil && units[0].kind == .mbus)
        #expect(units[0].field("data") == .bytes([0x01, 0x02]))
        #expect(units[0].field("ci") == .bytes([0x72]))
        #expect(units[1].apdu == MBusSamples.austrianAPDU)
    }

    @Test func aDLMSFrameTooShortForItsTSAPs() throws {
        // CI 0x10 with a single data byte: 53 + FF + 10 + 01 = 0x163.
        let units = deframe(MBusDeframer(), [[0x68, 0x04, 0x04, 0x68, 0x53, 0xFF, 0x10, 0x01, 0x63, 0x16]])
        let unit = try #require(units.first)
        #expect(units.count == 1)
        #expect(unit.apdu == nil && unit.kind == .mbus)
        #expect(unit.codes == ["mbus-segment-incomplete"])
        #expect(unit.field("data") == .bytes([0x01]))
    }

    // MARK: Checksums and lengths

    @Test func aBadChecksumIsDecodedAndMarked() throws {
        var last = Self.frames[1]
        last[last.count - 2] &+= 1
        let units = deframe(MBusDeframer(), [Self.frames[0], last])
        let unit = try #require(units.first)
        #expect(units.count == 1)
        #expect(unit.apdu == MBusSamples.austrianAPDU)
        #expect(unit.codes == ["mbus-checksum-invalid"])
        #expect(unit.findings.first?.packet == 2)
        #expect(unit.field("checksum") == .text("invalid"))
    }

    @Test func aCorruptedByteInTheFirstFrameIsPassedOnAndMarked() throws {
        var first = Self.frames[0]
        first[20] ^= 0xFF
        var expected = MBusSamples.austrianAPDU
        expected[20 - 9] ^= 0xFF
        let units = deframe(MBusDeframer(), [first, Self.frames[1]])
        let unit = try #require(units.first)
        #expect(units.count == 1)
        #expect(unit.apdu == expected)
        #expect(unit.codes == ["mbus-checksum-invalid"])
        #expect(unit.findings.first?.packet == 1)
    }

    /// Two frames carrying `apdu`, the first holding 257 bytes from C to the end of its data
    /// (263 in all) with the L field 0x01: only the low byte of 0x101.
    static func lowByteFrames(apdu: [UInt8]) -> [[UInt8]] {
        var frames = MBusFrameBuilder.dlmsFrames(apdu: apdu, fragmentSize: 252)
        frames[0][1] = 0x01
        frames[0][2] = 0x01
        return frames
    }

    @Test func aLengthFieldHoldingOnlyTheLowByte() throws {
        let apdu = MBusSamples.apdu(272)
        let frames = Self.lowByteFrames(apdu: apdu)
        #expect(frames.map(\.count) == [263, 4 + 5 + 20 + 2])
        let units = deframe(MBusDeframer(), frames)
        let unit = try #require(units.first)
        #expect(units.count == 1)
        #expect(unit.apdu == apdu)
        #expect(unit.packets == [1, 2])
        #expect(unit.codes == ["mbus-length-invalid"])
        let message = try #require(unit.findings.first?.message)
        #expect(message.contains("reads 1 (0x01)") && message.contains("257 bytes") && message.contains("263 in all"))
        #expect(unit.findings.first?.packet == 1)
    }

    @Test func aLowByteLengthFrameAtTheEndOfTheStream() throws {
        let apdu = MBusSamples.apdu(252)
        let frames = Self.lowByteFrames(apdu: apdu)
        try #require(frames.count == 1 && frames[0].count == 263)
        let units = deframe(MBusDeframer(), frames)
        #expect(units.map(\.apdu) == [apdu])
        #expect(units.first?.codes == ["mbus-length-invalid"])
        #expect(units.first?.findings.first?.message.contains("L + 256") == true)
    }

    @Test func aLowByteLengthFrameWithABadChecksumEndsAtTheNextHeader() throws {
        let apdu = MBusSamples.apdu(272)
        var frames = Self.lowByteFrames(apdu: apdu)
        frames[0][261] &+= 1
        let units = deframe(MBusDeframer(), frames)
        let unit = try #require(units.first)
        #expect(units.count == 1)
        #expect(unit.apdu == apdu)
        #expect(unit.codes == ["mbus-length-invalid", "mbus-checksum-invalid"])
        #expect(unit.findings.first?.message.contains("next frame's header") == true)
        #expect(DeframerHarness.chunkingDifferences({ MBusDeframer() }, frames.flatMap { $0 }) == [])
    }

    @Test func aLowByteLengthFrameWithABadChecksumAtTheEnd() {
        let apdu = MBusSamples.apdu(252)
        var frames = Self.lowByteFrames(apdu: apdu)
        frames[0][261] &+= 1
        let units = deframe(MBusDeframer(), frames)
        #expect(units.map(\.apdu) == [apdu])
        #expect(units.first?.codes == ["mbus-length-invalid", "mbus-checksum-invalid"])
        #expect(units.first?.findings.first?.message.hasSuffix("its stop byte is at L + 256") == true)
    }

    @Test func aLengthBeyondTheStreamIsReportedAtTheEnd() throws {
        let lying: [UInt8] = [0x68, 0xFA, 0xFA, 0x68, 0x53, 0xFF, 0x10, 0x01, 0x67, 0xDB, 0x08]
        let units = deframe(MBusDeframer(), [Self.frames[0], Self.frames[1], lying])
        try #require(units.count == 2)
        #expect(units[0].apdu == MBusSamples.austrianAPDU)
        #expect(units[1].codes == ["frame-garbage-skipped"])
        #expect(units[1].findings.first?.message
            == "11 bytes at the end of the stream belong to no complete M-Bus frame")
        #expect(units[1].findings.first?.offset == 256 + 44)
        #expect(units[1].packets == [3])
    }

    @Test func aLengthThatLiesDoesNotSwallowTheFramesAfterIt() throws {
        let lying: [UInt8] = [0x68, 0xFA, 0xFA, 0x68, 0x53, 0xFF, 0x00, 0x01, 0x67, 0xDB, 0x08]
        let chunks = [lying, Self.frames[0], Self.frames[1], Self.short]
        let units = deframe(MBusDeframer(), chunks)
        try #require(units.count == 3)
        #expect(units[0].findings.first?.message == "11 bytes skipped before an M-Bus frame")
        #expect(units[1].apdu == MBusSamples.austrianAPDU)
        #expect(units[1].packets == [2, 3])
        #expect(units[2].field("frame") == .text("short"))
        #expect(DeframerHarness.chunkingDifferences({ MBusDeframer() }, chunks.flatMap { $0 }) == [])
    }

    @Test func aLengthThatLiesDoesNotSwallowALowByteLengthFrame() throws {
        let apdu = MBusSamples.apdu(272)
        let lying: [UInt8] = [0x68, 0xFA, 0xFA, 0x68, 0x53, 0xFF, 0x00, 0x01, 0x67, 0xDB, 0x08]
        let units = deframe(MBusDeframer(), [lying] + Self.lowByteFrames(apdu: apdu) + [Self.short])
        #expect(units.map(\.codes) == [["frame-garbage-skipped"], ["mbus-length-invalid"], []])
        #expect(units.map(\.apdu) == [nil, apdu, nil])
        #expect(units.map(\.packets) == [[1], [2, 3], [4]])
    }

    @Test func aTruncatedFrameAtTheEnd() throws {
        let units = deframe(MBusDeframer(), [Self.frames[0], Array(Self.frames[1].prefix(20))])
        try #require(units.count == 2)
        #expect(units.map(\.codes) == [["frame-garbage-skipped"], ["mbus-segment-incomplete"]])
        #expect(units[0].findings.first?.message
            == "20 bytes at the end of the stream belong to no complete M-Bus frame")
        #expect(units[0].findings.first?.offset == 256)
        #expect(units[0].packets == [2])
        #expect(units[1].packets == [1])
        #expect(units.allSatisfy { $0.apdu == nil })
    }

    @Test func endOfUnitReportsLeftoversButKeepsTheMessage() {
        var deframer = MBusDeframer()
        var units: [FramedUnit] = []
        deframer.append(Self.frames[0][...], from: Carrier(packet: 1, time: nil), into: &units)
        deframer.append([0x68, 0x26][...], from: Carrier(packet: 1, time: nil), into: &units)
        deframer.endOfUnit(into: &units)
        deframer.append(Self.frames[1][...], from: Carrier(packet: 2, time: nil), into: &units)
        deframer.endOfUnit(into: &units)
        deframer.finish(into: &units)
        #expect(units.map(\.codes) == [["frame-garbage-skipped"], []])
        #expect(units.first?.findings.first?.message
            == "2 bytes at the end of the unit belong to no complete M-Bus frame")
        #expect(units.last?.apdu == MBusSamples.austrianAPDU)
    }

    // MARK: Hostile input

    @Test(arguments: 1...12 as ClosedRange<UInt64>)
    func randomBytesNeverCrashAndDoNotDependOnChunking(seed: UInt64) {
        var generator = SplitMix64(seed: seed)
        let uniform = (0..<1500).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let frameLike = MBusSamples.frameLikeNoise(1500, seed: seed)
        for bytes in [uniform, frameLike, frameLike + Self.frames[0] + frameLike.prefix(300) + Self.frames[1]] {
            #expect(DeframerHarness.chunkingDifferences({ MBusDeframer() }, bytes, maxChunk: 6, randomSplits: 4) == [])
            let units = DeframerHarness.run(MBusDeframer(), bytes, chunkSizes: [bytes.count])
            #expect(units.allSatisfy { $0.apdu == nil || $0.kind == .mbus })
            let offsets = units.compactMap { $0.findings.first { $0.code == .frameGarbageSkipped }?.offset }
            #expect(offsets == offsets.sorted() && offsets.allSatisfy { (0..<bytes.count).contains($0) })
        }
    }
}
