import DLMSCore
import DLMSFraming
import DLMSTestSupport
import Testing

@Suite struct MBusReassemblyTests {
    static let frames = MBusSamples.austrianFrames
    /// 250 bytes in three segments of 100, 100 and 50: CI 00, 01, 12.
    static let apdu = MBusSamples.apdu(250)
    static let threeSegments = MBusFrameBuilder.dlmsFrames(apdu: apdu, fragmentSize: 100)
    /// 200 bytes in one frame (CI 0x10).
    static let short = MBusSamples.apdu(200, seed: 3)

    @Test func threeSegmentsReassemble() throws {
        #expect(Self.threeSegments.map { $0[6] } == [0x00, 0x01, 0x12])
        let units = deframe(MBusDeframer(), Self.threeSegments)
        let unit = try #require(units.first)
        #expect(units.count == 1)
        #expect(unit.apdu == Self.apdu)
        #expect(unit.packets == [1, 2, 3])
        #expect(unit.field("segment") == .integer(2))
        #expect(unit.field("segments") == .integer(3))
    }

    @Test func aOneFrameMessageHasNoSegmentCount() throws {
        let frames = MBusFrameBuilder.dlmsFrames(apdu: Self.short)
        #expect(frames.map { $0[6] } == [0x10])
        let unit = try #require(deframe(MBusDeframer(), frames).first)
        #expect(unit.apdu == Self.short)
        #expect(unit.field("segments") == nil)
    }

    @Test func theCounterWrapsAfter15() throws {
        let apdu = MBusSamples.apdu(400)
        let units = deframe(MBusDeframer(), MBusFrameBuilder.dlmsFrames(apdu: apdu, fragmentSize: 10))
        #expect(units.map(\.apdu) == [apdu])
        #expect(units.first?.field("segments") == .integer(40))
    }

    @Test func aCounterThatSkipsDropsTheMessage() throws {
        let units = deframe(MBusDeframer(), [Self.threeSegments[0], Self.threeSegments[2]])
        let unit = try #require(units.first)
        #expect(units.count == 1)
        #expect(unit.apdu == nil && unit.kind == .none)
        #expect(unit.codes == ["mbus-segment-incomplete"])
        #expect(unit.packets == [1, 2])
        #expect(unit.findings.first?.message.contains("segment 2 came where 1 was due") == true)
    }

    @Test func aNewFirstSegmentCutsTheMessageOff() throws {
        let s = Self.threeSegments
        let units = deframe(MBusDeframer(), [s[0], s[0], s[1], s[2]])
        try #require(units.count == 2)
        #expect(units[0].codes == ["mbus-segment-incomplete"] && units[0].packets == [1])
        #expect(units[0].findings.first?.message.contains("a new first segment began") == true)
        #expect(units[1].apdu == Self.apdu && units[1].packets == [2, 3, 4])
    }

    @Test func segmentsWithoutTheirBeginning() {
        let units = deframe(MBusDeframer(), [Self.threeSegments[1], Self.threeSegments[2]])
        #expect(units.map(\.codes) == [["mbus-segment-incomplete"], ["mbus-segment-incomplete"]])
        #expect(units.map(\.packets) == [[1], [2]])
        #expect(units.allSatisfy { $0.apdu == nil })
    }

    @Test func messagesOfDifferentSendersInterleave() throws {
        let other = MBusSamples.apdu(150, seed: 9)
        let second = MBusFrameBuilder.dlmsFrames(apdu: other, fragmentSize: 100, address: 0x01)
        let s = Self.threeSegments
        let units = deframe(MBusDeframer(), [s[0], second[0], s[1], second[1], s[2]])
        #expect(units.map(\.apdu) == [other, Self.apdu])
        #expect(units.map(\.packets) == [[2, 4], [1, 3, 5]])
        #expect(units.map { $0.field("address") } == [.integer(1), .integer(255)])
    }

    @Test func aGapMidMessageLeavesItIncomplete() throws {
        var deframer = MBusDeframer()
        var units: [FramedUnit] = []
        deframer.append(Self.frames[0][...], from: Carrier(packet: 1, time: nil), into: &units)
        deframer.gap(byteCount: 300, at: Carrier(packet: 2, time: nil), into: &units)
        deframer.append(Self.frames[1][...], from: Carrier(packet: 3, time: nil), into: &units)
        deframer.finish(into: &units)
        try #require(units.count == 2)
        #expect(units.map(\.codes) == [["mbus-segment-incomplete"], ["mbus-segment-incomplete"]])
        #expect(units[0].packets == [1])
        #expect(units[0].findings.first?.message.contains("capture gap of 300 bytes") == true)
        #expect(units[1].packets == [3])
        #expect(units.allSatisfy { $0.apdu == nil })
    }

    @Test func aGapMidFrameReportsItsBytesThenTheMessage() throws {
        var deframer = MBusDeframer()
        var units: [FramedUnit] = []
        deframer.append(Self.frames[0][...], from: Carrier(packet: 1, time: nil), into: &units)
        deframer.append(Self.frames[1].prefix(10), from: Carrier(packet: 2, time: nil), into: &units)
        deframer.gap(byteCount: 34, at: Carrier(packet: 3, time: nil), into: &units)
        let single = MBusFrameBuilder.dlmsFrames(apdu: Self.short)
        deframer.append(single[0][...], from: Carrier(packet: 4, time: nil), into: &units)
        deframer.finish(into: &units)
        try #require(units.count == 3)
        #expect(units[0].codes == ["frame-garbage-skipped"] && units[0].packets == [2])
        #expect(units[0].findings.first?.message == "10 bytes before a capture gap belong to no complete M-Bus frame")
        #expect(units[1].codes == ["mbus-segment-incomplete"] && units[1].packets == [1])
        #expect(units[2].apdu == Self.short && units[2].packets == [4])
    }

    @Test func theEndOfTheStreamLeavesAMessageIncomplete() throws {
        let units = deframe(MBusDeframer(), [Self.frames[0]])
        let unit = try #require(units.first)
        #expect(units.count == 1)
        #expect(unit.codes == ["mbus-segment-incomplete"])
        #expect(unit.findings.first?.message
            == "incomplete DLMS message from M-Bus address 255, TSAP 1 to 103: 1 frame, 245 bytes; the stream ended")
    }

    @Test func findingsOfEveryFrameStayWithTheIncompleteMessage() {
        var first = Self.frames[0]
        first[first.count - 2] &+= 1
        let units = deframe(MBusDeframer(), [first])
        #expect(units.map(\.codes) == [["mbus-segment-incomplete", "mbus-checksum-invalid"]])
    }

    // MARK: Bounds

    @Test func tooManyMessagesInProgressDropsTheOldest() throws {
        let firsts = (0...64).map { address in
            MBusFrameBuilder.dlmsFrames(apdu: Self.apdu, fragmentSize: 100, address: UInt8(address))[0]
        }
        var deframer = MBusDeframer()
        var units: [FramedUnit] = []
        for (index, frame) in firsts.enumerated() {
            deframer.append(frame[...], from: Carrier(packet: index + 1, time: nil), into: &units)
        }
        try #require(units.count == 1)
        #expect(units[0].codes == ["resource-limit", "mbus-segment-incomplete"])
        #expect(units[0].packets == [1])
        #expect(units[0].findings.last?.message.contains("address 0,") == true)
        deframer.finish(into: &units)
        #expect(units.count == 65)
        #expect(units.dropFirst().allSatisfy { $0.codes == ["mbus-segment-incomplete"] })
    }

    @Test func aMessageBeyondTheByteBoundIsDroppedOnce() throws {
        let huge = MBusSamples.apdu((1 << 20) + 1000)
        let frames = MBusFrameBuilder.dlmsFrames(apdu: huge, fragmentSize: 250)
        let units = deframe(MBusDeframer(), frames + MBusFrameBuilder.dlmsFrames(apdu: Self.short))
        try #require(units.count == 2)
        #expect(units[0].codes == ["resource-limit", "mbus-segment-incomplete"])
        #expect(units[0].apdu == nil)
        // 4194 fragments of 250 bytes fit in 1 MiB; the 4195th does not.
        #expect(units[0].packets == Array(1...4195))
        #expect(units[1].apdu == Self.short && units[1].packets == [frames.count + 1])
    }
}
