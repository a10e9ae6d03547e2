import DLMSCore
import DLMSFraming
import DLMSTestSupport
import Testing

@Suite struct WrapperDeframerTests {
    @Test(arguments: ["h01-wrapper-aarq", "h02-wrapper-udp-push", "h03-wrapper-aare-qos"])
    func vectorHeadersAndPayloads(id: String) throws {
        let pdu = Vectors.input(id, "pdu")
        let expected = Vectors.expected(id)
        let units = deframe(WrapperDeframer(), [pdu])
        let unit = try #require(units.first)
        #expect(units.count == 1)
        #expect(unit.kind == .wrapper)
        #expect(unit.field("version") == .integer(Int64(expected["version"] as? Int ?? -1)))
        #expect(unit.field("sourceWPort") == .integer(Int64(expected["source_wport"] as? Int ?? -1)))
        #expect(unit.field("destinationWPort") == .integer(Int64(expected["destination_wport"] as? Int ?? -1)))
        #expect(unit.field("length") == .integer(Int64(expected["length"] as? Int ?? -1)))
        #expect(unit.apdu.map { Hex.encode($0.prefix(1)) } == expected["payload_tag"] as? String)
        #expect(unit.apdu.map { Array($0) } == Array(pdu.dropFirst(8)))
        #expect(unit.findings.isEmpty)
        #expect(unit.carriers == [Carrier(packet: 1, time: nil)])
    }

    static let stream: [UInt8] = Vectors.input("h01-wrapper-aarq", "pdu") + Vectors.input("h03-wrapper-aare-qos", "pdu")
        + Wrapper.frame(APDUs.getClock, from: 0x10, to: 0x01) + Wrapper.frame(APDUs.profileRows, from: 0x01, to: 0x10)

    @Test func severalPDUsPerSegmentAndOneAcrossSegments() {
        let units = deframe(WrapperDeframer(), [Array(Self.stream[..<50]), Array(Self.stream[50...])])
        #expect(units.map { $0.apdu?.first } == [0x60, 0x61, 0xC0, 0xC4])
        #expect(units.map(\.carriers.count) == [1, 2, 1, 1])
        #expect(units.allSatisfy { $0.findings.isEmpty })
    }

    @Test func theSameUnitsWhateverTheChunking() {
        let noisy = [0xDE, 0xAD, 0x00, 0x01] + Self.stream + [0x00, 0x01, 0x00]
        #expect(DeframerHarness.chunkingDifferences({ WrapperDeframer() }, noisy) == [])
    }

    /// Garbage at the end of a stream, ending in what could still become a header (a 00 01 that
    /// a 1-byte chunking holds back, waiting for more): one finding for the whole run of
    /// garbage, whatever the chunking (found by FuzzDeframer's chunking check).
    @Test(arguments: [
        [0xDE, 0xAD, 0xBE, 0xEF, 0x00, 0x01, 0x00],
        [0xDE, 0xAD, 0xBE, 0xEF, 0x55, 0x66, 0x77, 0x88, 0x99, 0x00],
        [0xAA, 0x00, 0x01, 0x00, 0x10, 0x00, 0x01, 0x00, 0x05, 0x00, 0x01, 0x00, 0x10, 0x00, 0x01],
        [0x00, 0x02, 0x00, 0x10, 0x00, 0x01, 0x00, 0x05, 0xC0, 0x01, 0xAA, 0xBB, 0xCC, 0xDD, 0x00],
    ] as [[UInt8]])
    func trailingGarbageIsOneFindingWhateverTheChunking(garbage: [UInt8]) {
        let stream = Self.stream + garbage
        #expect(DeframerHarness.chunkingDifferences({ WrapperDeframer() }, stream, maxChunk: 8, randomSplits: 8) == [])
        let units = deframe(WrapperDeframer(), [stream])
        #expect(units.filter { $0.kind == .none }.count == 1)
        #expect(units.last?.findings.first?.offset == Self.stream.count)
        #expect(units.last?.findings.first?.message.hasPrefix("\(garbage.count) bytes") == true)
    }

    @Test func aStreamStartingMidPDUResynchronises() {
        let units = deframe(WrapperDeframer(), [Array(Self.stream.dropFirst(5))])
        #expect(units.first?.codes == ["frame-garbage-skipped"])
        #expect(units.first?.findings.first?.message.hasPrefix("37 bytes skipped") == true)
        #expect(units.dropFirst().map { $0.apdu?.first } == [0x61, 0xC0, 0xC4])
    }

    @Test func aGapDropsThePDUInProgressAndResynchronises() {
        var deframer = WrapperDeframer()
        var units: [FramedUnit] = []
        let first = Vectors.input("h01-wrapper-aarq", "pdu")
        deframer.append(first[..<20], from: Carrier(packet: 1, time: nil), into: &units)
        deframer.gap(byteCount: 22, at: Carrier(packet: 2, time: nil), into: &units)
        deframer.append(Self.stream[42...], from: Carrier(packet: 3, time: nil), into: &units)
        deframer.finish(into: &units)
        #expect(units.map(\.kind) == [.none, .wrapper, .wrapper, .wrapper])
        #expect(units.first?.codes == ["frame-garbage-skipped"])
        #expect(units.dropFirst().map { $0.apdu?.first } == [0x61, 0xC0, 0xC4])
    }

    @Test func aPDUCutByTheEndOfTheStreamIsReported() {
        let units = deframe(WrapperDeframer(), [Array(Self.stream.dropLast(3))])
        #expect(units.map(\.kind) == [.wrapper, .wrapper, .wrapper, .none])
        #expect(units.last?.codes == ["frame-garbage-skipped"])
    }

    @Test func aLengthOfFFFFWaitsWithoutAllocatingAndIsReportedAtTheEnd() {
        let units = deframe(WrapperDeframer(), [[0x00, 0x01, 0x00, 0x10, 0x00, 0x01, 0xFF, 0xFF, 0xC0, 0x01]])
        #expect(units.map(\.kind) == [.none])
        #expect(units.first?.codes == ["frame-garbage-skipped"])
    }

    @Test func datagramsMustHoldExactlyTheirPDUs() {
        let pdu = Vectors.input("h02-wrapper-udp-push", "pdu")
        let short = Array(pdu.dropLast(4))
        let long = pdu + [0xAA, 0xBB]
        var badVersion = pdu
        badVersion[1] = 0x02
        let units = deframe(WrapperDeframer(datagrams: true), [pdu, short, long, badVersion], unitBoundaries: true)
        #expect(units.map(\.kind) == [.wrapper, .wrapper, .wrapper, .none, .wrapper])
        #expect(units[0].findings.isEmpty)
        #expect(units[1].codes == ["wrapper-length-mismatch"])
        #expect(units[1].apdu?.count == 66)
        #expect(units[3].codes == ["wrapper-length-mismatch"])
        #expect(units[4].codes == ["wrapper-version-invalid"])
    }
}
