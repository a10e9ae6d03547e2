import DLMSCore
import DLMSFraming
import DLMSTestSupport
import Testing

/// Hostile inputs of issue 8 at the framing stage that the deframer suites do not cover:
/// idle fill and signature bytes without end, the bounds of HDLC and M-Bus segment
/// reassembly, and what the fuzz harnesses found (Fuzz/, FUZZING.md).
@Suite struct HostileFramingTests {
    static let client = HDLCFrameBuilder.address(upper: 16)
    static let server = HDLCFrameBuilder.address(upper: 1, lower: 17)

    /// A megabyte of HDLC flags through framing recognition: idle fill, nothing held, nothing passed on.
    @Test func aMegabyteOfFlagsThroughRecognition() {
        var framer = StreamFramer(input: .stream, allowsBareAPDUs: false)
        var units: [FramedUnit] = []
        let chunk = [UInt8](repeating: 0x7E, count: 4096)
        for packet in 1...256 {
            framer.append(chunk[...], from: Carrier(packet: packet, time: nil), into: &units)
        }
        framer.finish(into: &units)
        #expect(units.allSatisfy { $0.apdu == nil })
        #expect(units.count <= 2, "\(units.count) units")
    }

    /// 16 KiB of M-Bus start bytes (each the start of a long frame whose length lies).
    @Test func endlessMBusStartBytes() {
        let units = DeframerHarness.run(MBusDeframer(), [UInt8](repeating: 0x68, count: 16_384), chunkSizes: [4096])
        #expect(units.allSatisfy { $0.apdu == nil })
        #expect(units.count <= 2, "\(units.count) units")
    }

    /// A segmented HDLC message that never ends is cut at the per-link bound, once.
    @Test func hdlcSegmentsBeyondTheBoundAreCutWithAFinding() {
        let frame = HDLCFrameBuilder.frame(
            .i, destination: Self.client, source: Self.server, information: [UInt8](repeating: 0xAB, count: 2000),
            segmented: true
        )
        let first = HDLCFrameBuilder.frame(
            .i, destination: Self.client, source: Self.server, information: [0xE6, 0xE7, 0x00, 0xC4, 0x02],
            segmented: true
        )
        var stream = first
        for _ in 0..<600 { stream += frame }  // 1.2 MB
        let units = DeframerHarness.run(HDLCDeframer(), stream, chunkSizes: [65_536])
        #expect(units.filter { $0.findings.contains { $0.code == .resourceLimit } }.count == 1)
        #expect(units.allSatisfy { ($0.apdu?.count ?? 0) <= 1 << 20 })
    }

    /// Segmented messages in progress on more links than the bound: the oldest are cut.
    @Test func hdlcSegmentsOnTooManyLinks() {
        var stream: [UInt8] = []
        for link in 0..<80 {
            stream += HDLCFrameBuilder.frame(
                .i, destination: HDLCFrameBuilder.address(upper: 16 + link), source: Self.server,
                information: [0xE6, 0xE7, 0x00, 0xC4, 0x01], segmented: true
            )
        }
        var deframer = HDLCDeframer()
        var units: [FramedUnit] = []
        deframer.append(stream[...], from: Carrier(packet: 1, time: nil), into: &units)
        #expect(units.filter { $0.findings.contains { $0.code == .resourceLimit } }.count == 80 - 64)
        deframer.finish(into: &units)
        #expect(units.allSatisfy { $0.apdu == nil })
    }

    /// An M-Bus DLMS message whose last segment never comes is reported at the byte bound
    /// and its later segments are absorbed, not held.
    @Test func mbusSegmentsBeyondTheBoundAreReported() {
        let segment = [UInt8](repeating: 0x5A, count: 245)
        var stream: [UInt8] = []
        for counter in 0..<4400 {  // 1.08 MB of fragments
            stream += MBusFrameBuilder.long(
                ci: MBusFrameBuilder.dlmsCI(counter: counter, isLast: false), data: [0x01, 0x67] + segment)
        }
        let units = DeframerHarness.run(MBusDeframer(), stream, chunkSizes: [65_536])
        #expect(units.filter { $0.findings.contains { $0.code == .resourceLimit } }.count == 1)
        #expect(units.allSatisfy { $0.apdu == nil })
    }

    /// M-Bus DLMS messages in progress for more TSAP pairs than the bound: the oldest are reported.
    @Test func mbusMessagesOnTooManyTSAPPairs() {
        var stream: [UInt8] = []
        for pair in 0..<80 {
            stream += MBusFrameBuilder.long(
                ci: MBusFrameBuilder.dlmsCI(counter: 0, isLast: false), data: [UInt8(pair), 0x67, 0xC4, 0x01])
        }
        let units = DeframerHarness.run(MBusDeframer(), stream, chunkSizes: [stream.count])
        #expect(units.filter { $0.findings.contains { $0.code == .resourceLimit } }.count >= 80 - 64)
        #expect(units.allSatisfy { $0.apdu == nil })
    }

    /// Found by FuzzDeframer's chunking check: at the start of a stream, a WRAPPER header
    /// announcing no APDU was taken as a PDU when it ended a chunk, and as garbage when the
    /// byte after it (no APDU tag) was already there. It has no tag to check: never trusted.
    @Test func anEmptyPDUIsNoPlaceToSynchronise() {
        let stream: [UInt8] = [0x00, 0x01, 0x00, 0x01, 0x06, 0x00, 0x00, 0x00, 0x2A]
        let whole = DeframerHarness.run(WrapperDeframer(), stream, chunkSizes: [stream.count])
        #expect(!whole.isEmpty)
        #expect(whole.allSatisfy { $0.kind == .none && $0.codes == ["frame-garbage-skipped"] })
        #expect(DeframerHarness.chunkingDifferences({ WrapperDeframer() }, stream).isEmpty)
    }

    /// Once synchronised, an empty PDU between two others is still a PDU.
    @Test func anEmptyPDUAfterARealOneIsKept() {
        let get: [UInt8] = [0x00, 0x01, 0x00, 0x10, 0x00, 0x01, 0x00, 0x03, 0xC0, 0x01, 0xC1]
        let empty: [UInt8] = [0x00, 0x01, 0x00, 0x10, 0x00, 0x01, 0x00, 0x00]
        let units = DeframerHarness.run(WrapperDeframer(), get + empty + get, chunkSizes: [4])
        #expect(units.map(\.kind) == [.wrapper, .wrapper, .wrapper])
        #expect(units.map { $0.apdu?.count } == [3, 0, 3])
    }

    /// Found by FuzzDeframer's chunking check: skipping garbage one byte at a time, a 00 at the
    /// end of what had arrived (the first byte of the next header) was dropped with the garbage.
    @Test func aHeaderWhoseSecondByteHasNotArrivedIsKept() {
        let stream: [UInt8] = [0x00, 0x53, 0x74, 0x72, 0x69, 0x6E, 0x67, 0x00, 0x01, 0x06, 0x00, 0x00, 0x09, 0x00, 0x01, 0x06]
        let units = DeframerHarness.run(WrapperDeframer(), stream, chunkSizes: [1])
        #expect(units.map(\.kind) == [.none, .wrapper])
        #expect(units.last?.apdu == [0x06])
        #expect(DeframerHarness.chunkingDifferences({ WrapperDeframer() }, stream).isEmpty)
    }

    /// Garbage after the last frame, ending in bytes that could still start one: the run is
    /// reported the same way however the stream was chunked (FuzzDeframer's chunking check).
    @Test(arguments: [
        [0xDE, 0xAD, 0x7E, 0xA0],
        [0x11, 0x22, 0x33, 0x68, 0x10, 0x10, 0x68],
        [0x00, 0x01, 0x00, 0x10, 0x00, 0x01, 0x00],
        [0x7E, 0x68, 0x00, 0x01, 0x7E, 0x16, 0x10],
    ] as [[UInt8]])
    func trailingGarbageWhateverTheChunking(garbage: [UInt8]) throws {
        let hdlc = try HDLCTestData.frame("d09")
        #expect(DeframerHarness.chunkingDifferences(HDLCDeframer.init, hdlc + hdlc + garbage, maxChunk: 8, randomSplits: 8) == [])
        let mbus = MBusSamples.austrianFrames.flatMap { $0 }
        #expect(DeframerHarness.chunkingDifferences({ MBusDeframer() }, mbus + garbage, maxChunk: 8, randomSplits: 8) == [])
    }
}
