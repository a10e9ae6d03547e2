import DLMSCore
import DLMSFraming
import DLMSTestSupport
import Testing

/// Segmented I-frames joined per link into one APDU, and the sequences that
/// never complete.
@Suite struct HDLCSegmentationTests {
    static let client: [UInt8] = [0x21]  // client SAP 16
    static let server: [UInt8] = [0x02, 0x23]  // server (1, 17)
    static let otherServer: [UInt8] = [0x02, 0x25]  // server (1, 18)
    static let apdu: [UInt8] = [0xC4, 0x02, 0xC1, 0x00] + (0..<296).map { UInt8(truncatingIfNeeded: $0 * 7) }

    static func segments(to destination: [UInt8] = client, from source: [UInt8] = server, apdu: [UInt8] = apdu)
        -> [[UInt8]]
    {
        HDLCFrameBuilder.segmentedIFrames(apdu: apdu, destination: destination, source: source, maxInformation: 128)
    }

    /// One unsegmented I-frame.
    static func message(_ information: [UInt8], to destination: [UInt8] = client, from source: [UInt8] = server)
        -> [UInt8]
    {
        HDLCFrameBuilder.frame(.i, destination: destination, source: source, information: information)
    }

    @Test func builderReproducesGuruxSegmentedFrames() throws {
        // Case 64 splits case 14's APDU into 128-byte information fields, N(S) 2..5, N(R) 3.
        let expected = try HDLCTestData.hexLines("reference/gurux/64_hdlc_segmented_response.hex").map(\.bytes)
        let apdu = try #require(try HDLCTestData.hexLines("reference/gurux/14_get_response_array100.hex").first?.bytes)
        let built = HDLCFrameBuilder.segmentedIFrames(
            apdu: apdu, llc: .response, destination: Self.client, source: Self.server, maxInformation: 128,
            firstSendSequence: 2, receiveSequence: 3)
        #expect(built == expected)
    }

    @Test func threeSegmentsAreJoinedWithEveryCarrier() throws {
        let frames = Self.segments()
        try #require(frames.count == 3)
        // Each frame arrives in two packets: 1-6.
        let chunks = frames.flatMap { [Array($0.prefix(50)), Array($0.dropFirst(50))] }
        let units = HDLCTestData.units(chunks)
        try #require(units.count == 1)
        let unit = units[0]
        #expect(unit.kind == .hdlc)
        #expect(unit.apdu == Self.apdu)
        #expect(unit.carriers.map(\.packet) == [1, 2, 3, 4, 5, 6])
        #expect(unit.findings.isEmpty)
        #expect(unit.direction == .serverToClient)
        #expect(HDLCTestData.value(unit.fields, "segmented") == .boolean(false))
        #expect(HDLCTestData.value(unit.fields, "ns") == .integer(2))
        #expect(HDLCTestData.value(unit.fields, "llc") == .bytes([0xE6, 0xE7, 0x00]))
        #expect(HDLCTestData.value(unit.fields, "segments") == .integer(3))
        #expect(DeframerHarness.chunkingDifferences(HDLCDeframer.init, frames.flatMap { $0 }).isEmpty)
    }

    @Test func findingsOfEverySegmentAreKept() throws {
        var frames = Self.segments()
        frames[1][frames[1].count - 2] ^= 0x01  // second segment: wrong FCS
        let units = HDLCTestData.units(frames)
        try #require(units.count == 1)
        #expect(HDLCTestData.codes(units[0]) == ["hdlc-fcs-invalid"])
        #expect(units[0].apdu == Self.apdu)
        #expect(HDLCTestData.value(units[0].fields, "fcs") == .text("valid"))  // the last frame's
    }

    @Test func newMessageOnTheSameLinkCutsTheSequence() throws {
        let frames = Self.segments()
        let next = Self.message([0xE6, 0xE7, 0x00, 0xC4, 0x01])
        let units = HDLCTestData.units([frames[0], frames[1], next])
        try #require(units.count == 2)
        #expect(units[0].kind == .none)
        #expect(HDLCTestData.codes(units[0]) == ["hdlc-segment-incomplete"])
        #expect(units[0].carriers.map(\.packet) == [1, 2])
        #expect(units[0].apdu == nil)
        #expect(units[1].apdu == [0xC4, 0x01])
        #expect(units[1].carriers.map(\.packet) == [3])
    }

    @Test func endOfStreamCutsTheSequence() {
        let frames = Self.segments()
        let units = HDLCTestData.units([frames[0], frames[1]])
        #expect(units.map(HDLCTestData.codes) == [["hdlc-segment-incomplete"]])
        #expect(units.first?.carriers.map(\.packet) == [1, 2])
        #expect(units.allSatisfy { $0.apdu == nil })
    }

    @Test func gapCutsTheSequenceAndItsRestIsNotPassedOn() throws {
        let frames = Self.segments()
        let after = Self.message([0xE6, 0xE7, 0x00, 0xC4, 0x01])
        var deframer = HDLCDeframer()
        var units: [FramedUnit] = []
        deframer.append(frames[0][...], from: Carrier(packet: 1, time: nil), into: &units)
        deframer.gap(byteCount: 500, at: Carrier(packet: 2, time: nil), into: &units)
        deframer.append(frames[2][...], from: Carrier(packet: 3, time: nil), into: &units)
        deframer.append(after[...], from: Carrier(packet: 4, time: nil), into: &units)
        deframer.finish(into: &units)
        try #require(units.count == 3)
        #expect(units.map(HDLCTestData.codes) == [["hdlc-segment-incomplete"], ["hdlc-segment-incomplete"], []])
        #expect(units[0].carriers.map(\.packet) == [1])
        #expect(units[0].findings.first?.message.hasSuffix("cut by a capture gap") == true)
        // The last segment after the gap is the rest of the lost message: counted, not handed on.
        #expect(units[1].carriers.map(\.packet) == [3])
        #expect(units[1].apdu == nil)
        #expect(units[2].apdu == [0xC4, 0x01])
    }

    @Test func interleavedLinksAreJoinedSeparately() throws {
        let first = Self.segments()
        let second = Self.segments(to: Self.client, from: Self.otherServer, apdu: Array(Self.apdu.reversed()))
        // A request stream on a third link in between, unsegmented.
        let request = Self.message([0xE6, 0xE6, 0x00, 0xC0, 0x02], to: Self.server, from: Self.client)
        let chunks = [first[0], second[0], request, first[1], second[1], first[2], second[2]]
        let units = HDLCTestData.units(chunks)
        try #require(units.count == 3)
        #expect(units[0].apdu == [0xC0, 0x02])
        #expect(units[0].direction == .clientToServer)
        #expect(units[1].apdu == Self.apdu)
        #expect(units[1].carriers.map(\.packet) == [1, 4, 6])
        #expect(units[2].apdu == Array(Self.apdu.reversed()))
        #expect(units[2].carriers.map(\.packet) == [2, 5, 7])
        #expect(HDLCTestData.value(units[2].fields, "server") == .fields([.integer("upper", 1), .integer("lower", 18)]))
        #expect(DeframerHarness.chunkingDifferences(HDLCDeframer.init, chunks.flatMap { $0 }).isEmpty)
    }

    @Test func tooManyLinksInProgressAreBounded() {
        // 65 servers each start a segmented message: the oldest is dropped at the 65th.
        let chunks = (0..<65).map { index in
            HDLCFrameBuilder.segmentedIFrames(
                apdu: Self.apdu, destination: Self.client, source: HDLCFrameBuilder.address(upper: 1, lower: index),
                maxInformation: 128)[0]
        }
        let units = HDLCTestData.units(chunks)
        #expect(units.count == 65)
        #expect(units.first.map(HDLCTestData.codes) == ["resource-limit"])
        #expect(units.first?.carriers.map(\.packet) == [1])
        #expect(units.dropFirst().allSatisfy { HDLCTestData.codes($0) == ["hdlc-segment-incomplete"] })
        #expect(units.allSatisfy { $0.apdu == nil })
    }

    @Test func heldBytesPerLinkAreBounded() {
        // 600 segments of 2000 bytes (1.2 MB) on one link: more than the 1 MiB held at most.
        let frames = HDLCFrameBuilder.segmentedIFrames(
            apdu: [UInt8](repeating: 0x55, count: 600 * 2000 - 3), destination: Self.client, source: Self.server,
            maxInformation: 2000)
        let units = HDLCTestData.units(frames)
        #expect(units.map(HDLCTestData.codes) == [["resource-limit"], ["hdlc-segment-incomplete"]])
        #expect(units.allSatisfy { $0.apdu == nil })
    }
}
