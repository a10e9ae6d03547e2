import DLMSCore
import DLMSFraming
import DLMSTestSupport
import Testing

/// The streaming HDLC deframer: flags, garbage, lengths that lie, gaps, the
/// end of datagrams and streams, and the same units whatever the chunking.
@Suite struct HDLCDeframerTests {
    enum Part {
        case bytes([UInt8])
        case gap(UInt64)
    }

    /// Runs `parts` with the bytes cut into chunks of `chunk` bytes.
    static func run(_ parts: [Part], chunk: Int) -> [FramedUnit] {
        var deframer = HDLCDeframer()
        var units: [FramedUnit] = []
        var packet = 0
        for part in parts {
            switch part {
            case let .bytes(bytes):
                for start in stride(from: 0, to: bytes.count, by: chunk) {
                    packet += 1
                    let slice = bytes[start..<min(start + chunk, bytes.count)]
                    deframer.append(slice, from: Carrier(packet: packet, time: nil), into: &units)
                }
            case let .gap(count):
                deframer.gap(byteCount: count, at: Carrier(packet: packet, time: nil), into: &units)
            }
        }
        deframer.finish(into: &units)
        return units
    }

    static func messages(_ units: [FramedUnit]) -> [String] {
        units.flatMap { $0.findings.map(\.message) }
    }

    @Test func mixedStreamOfRealFramesGarbageAndFlags() throws {
        let d03 = try HDLCTestData.frame("d03"), d04 = try HDLCTestData.frame("d04")
        let d25 = try HDLCTestData.frame("d25"), d26 = try HDLCTestData.frame("d26")
        let d17 = try HDLCTestData.frame("d17"), d08 = try HDLCTestData.frame("d08")
        let segmented = try HDLCTestData.hexLines("reference/gurux/64_hdlc_segmented_response.hex").flatMap(\.bytes)
        var badFCS = d03
        badFCS[badFCS.count - 2] ^= 0xFF
        let truncated = Array(d08.prefix(100))
        let stream: [UInt8] = [0x01, 0x02, 0x03] + d03 + d04.dropFirst()  // d03's closing flag opens d04
            + [UInt8](repeating: 0x7E, count: 5) + d25 + [0xFF, 0x00, 0x7D] + d26 + d17 + badFCS + segmented
            + truncated

        let units = HDLCTestData.units([stream])
        try #require(units.count == 10)
        #expect(units.map(\.kind) == [.none, .hdlc, .hdlc, .hdlc, .none, .hdlc, .hdlc, .hdlc, .hdlc, .none])
        #expect(units.map(HDLCTestData.codes) == [
            ["frame-garbage-skipped"], [], [], [], ["frame-garbage-skipped"], [], ["hdlc-length-mismatch"],
            ["hdlc-fcs-invalid"], [], ["frame-garbage-skipped"],
        ])
        #expect(units[0].findings[0].message == "3 bytes skipped: not an HDLC frame")
        #expect(units[0].findings[0].offset == 0)
        #expect(units[4].findings[0].message == "3 bytes skipped: not an HDLC frame")
        let skipped = truncated.dropFirst().filter { $0 != 0x7E }.count
        #expect(units[9].findings[0].message
            == "\(skipped) bytes skipped: an HDLC frame cut short by the end of the stream")
        #expect(units[3].apdu == Array(HDLCCaptureTests.information(d25).dropFirst(3)))  // 7D inside, not unstuffed
        #expect(units[5].apdu == Array(HDLCCaptureTests.information(d26).dropFirst(3)))  // 7E inside
        #expect(units[3].apdu?.contains(0x7D) == true)
        #expect(units[5].apdu?.contains(0x7E) == true)
        #expect(units[7].apdu == units[1].apdu)
        #expect(HDLCTestData.value(units[8].fields, "segments") == .integer(4))
        #expect(DeframerHarness.chunkingDifferences(HDLCDeframer.init, stream).isEmpty)
    }

    @Test func garbageIsReportedOnceWithItsCarriersAndStreamOffset() throws {
        let d09 = try HDLCTestData.frame("d09")
        let stream = d09 + [0xAA, 0xBB, 0xCC] + d09
        let units = DeframerHarness.run(HDLCDeframer(), stream, chunkSizes: [1])
        try #require(units.count == 3)
        let garbage = units[1]
        #expect(garbage.kind == .none)
        #expect(garbage.findings.count == 1)
        #expect(garbage.findings.first?.message == "3 bytes skipped: not an HDLC frame")
        #expect(garbage.findings.first?.offset == d09.count)
        // One byte per packet: the three skipped bytes are packets after the first frame's.
        #expect(garbage.carriers.map(\.packet) == [d09.count + 1, d09.count + 2, d09.count + 3])
    }

    @Test func framesSurroundedByRunsOfFlags() throws {
        let d09 = try HDLCTestData.frame("d09")
        let flags = [UInt8](repeating: 0x7E, count: 50)
        let stream = flags + d09 + flags + d09 + flags
        let units = HDLCTestData.units([stream])
        #expect(units.count == 2)
        #expect(units.allSatisfy { $0.kind == .hdlc && $0.findings.isEmpty })
        #expect(DeframerHarness.chunkingDifferences(HDLCDeframer.init, stream).isEmpty)
    }

    @Test func tenThousandFlagsAreIdleFill() {
        let stream = [UInt8](repeating: 0x7E, count: 10_000)
        let start = ContinuousClock.now
        let units = DeframerHarness.run(HDLCDeframer(), stream, chunkSizes: [1])
        #expect(ContinuousClock.now - start < .seconds(2))
        #expect(units.isEmpty)
        #expect(DeframerHarness.chunkingDifferences(HDLCDeframer.init, stream, randomSplits: 4).isEmpty)
    }

    @Test func lengthFieldLargerThanTheStream() {
        let units = HDLCTestData.units([[0x7E, 0xA7, 0xFF, 0x01, 0x02, 0x03]])
        #expect(units.count == 1)
        #expect(units.first?.kind == TransportKind.none)
        #expect(Self.messages(units) == ["5 bytes skipped: an HDLC frame cut short by the end of the stream"])
    }

    @Test func frameLongerThanItsLengthIsFoundByItsFCS() throws {
        // The format says 2 bytes fewer than the frame has: the real end is the flag where the FCS is right.
        let information: [UInt8] = [0xE6, 0xE6, 0x00] + (Hex.decode("C001C100080000010000FF0200") ?? [])
        let right = HDLCFrameBuilder.body(
            destination: [0x02, 0x23], source: [0x21], control: 0x32, information: information)
        let body = HDLCFrameBuilder.body(
            destination: [0x02, 0x23], source: [0x21], control: 0x32, information: information, length: right.count - 2)
        let stream = [0x7E] + body + [0x7E] + (try HDLCTestData.frame("d09"))
        let units = HDLCTestData.units([stream])
        try #require(units.count == 2)
        #expect(HDLCTestData.codes(units[0]) == ["hdlc-length-mismatch"])
        #expect(HDLCTestData.value(units[0].fields, "length") == .integer(Int64(right.count - 2)))
        #expect(units[0].apdu == Array(information.dropFirst(3)))
        #expect(units[1].findings.isEmpty)
        #expect(DeframerHarness.chunkingDifferences(HDLCDeframer.init, stream).isEmpty)
    }

    @Test func gapReportsTheCutFrameAndFramingResumes() throws {
        let d03 = try HDLCTestData.frame("d03"), d04 = try HDLCTestData.frame("d04")
        let d09 = try HDLCTestData.frame("d09")
        let cut = Array(d04.prefix(20))
        let parts: [Part] = [.bytes(d03 + cut), .gap(100), .bytes([0xAA] + d09)]
        let reference = Self.run(parts, chunk: 1_000)
        try #require(reference.count == 4)
        #expect(reference.map(\.kind) == [.hdlc, .none, .none, .hdlc])
        let skipped = cut.dropFirst().filter { $0 != 0x7E }.count
        #expect(reference[1].findings.map(\.message)
            == ["\(skipped) bytes skipped: an HDLC frame cut by a capture gap"])
        #expect(reference[1].findings.first?.offset == d03.count + 1)  // d04's opening flag is not counted
        // After the gap the stream offset counts the missing bytes too.
        #expect(reference[2].findings.map(\.message) == ["1 bytes skipped: not an HDLC frame"])
        #expect(reference[2].findings.first?.offset == d03.count + cut.count + 100)
        for chunk in 1...16 {
            let outcome = Self.run(parts, chunk: chunk).map(DeframerHarness.Outcome.init)
            #expect(outcome == reference.map(DeframerHarness.Outcome.init), "chunk \(chunk)")
        }
    }

    @Test func endOfDatagramReportsLeftovers() throws {
        let d09 = try HDLCTestData.frame("d09"), d03 = try HDLCTestData.frame("d03")
        let units = HDLCTestData.units([d09 + d03.prefix(10), d03], datagrams: true)
        try #require(units.count == 3)
        #expect(units[0].findings.isEmpty)
        #expect(Self.messages([units[1]]) == ["9 bytes skipped: an HDLC frame cut short by the end of the datagram"])
        #expect(units[1].carriers.map(\.packet) == [1])
        #expect(units[2].findings.isEmpty)
        #expect(units[2].carriers.map(\.packet) == [2])
    }

    @Test func randomBytesNeverCrashAndDoNotDependOnChunking() {
        var generator = SplitMix64(seed: 2024)
        for round in 0..<40 {
            let count = Int(generator.next() % 3_000)
            // Biased towards flags and format bytes so that many false frames start.
            let bytes = (0..<count).map { _ -> UInt8 in
                let value = generator.next()
                return switch value % 8 {
                case 0: 0x7E
                case 1: 0xA0 | UInt8(truncatingIfNeeded: value >> 8) & 0x0F
                default: UInt8(truncatingIfNeeded: value >> 16)
                }
            }
            let differences = DeframerHarness.chunkingDifferences(
                HDLCDeframer.init, bytes, maxChunk: 6, randomSplits: 4, seed: UInt64(round))
            #expect(differences.isEmpty, "round \(round)")
        }
    }

    @Test func damagedRealStreamsDoNotDependOnChunking() throws {
        let lines = try HDLCTestData.hexLines("captures/amstomqttbridge-roarfred/frames.hex")
        let frames = lines.prefix(12).flatMap(\.bytes)
        let segmented = try HDLCTestData.hexLines("reference/gurux/64_hdlc_segmented_response.hex").flatMap(\.bytes)
        var generator = SplitMix64(seed: 99)
        for round in 0..<12 {
            var stream = frames + segmented
            for _ in 0..<(1 + round) {
                let index = Int(generator.next() % UInt64(stream.count))
                stream[index] = UInt8(truncatingIfNeeded: generator.next())
            }
            let differences = DeframerHarness.chunkingDifferences(
                HDLCDeframer.init, stream, maxChunk: 5, randomSplits: 4, seed: UInt64(round))
            #expect(differences.isEmpty, "round \(round)")
        }
    }
}
