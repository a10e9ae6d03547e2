import DLMSCore
import DLMSFraming
import DLMSTestSupport
import Testing

@Suite struct UnitDeframerTests {
    @Test func bareAPDUsKeepTheirBytesAndLoseTheirLLCHeader() {
        let units = deframe(UnitDeframer(kind: .raw), [APDUs.getClock, [0xE6, 0xE7, 0x00] + APDUs.clockValue],
                            unitBoundaries: true)
        #expect(units.map(\.apdu) == [APDUs.getClock, APDUs.clockValue])
        #expect(units.map(\.kind) == [.raw, .raw])
        #expect(units[1].field("llc") == .bytes([0xE6, 0xE7, 0x00]))
        #expect(units.map(\.direction) == [nil, .serverToClient])
    }

    @Test func iec61334LLCHeadersAreRead() {
        // Packet 42 of the PLC sample (SOURCE.md: IEC 61334-4-32 LLC `90 01 01`, then an exception-response).
        let units = deframe(UnitDeframer(kind: .iec61334), [[0x90, 0x01, 0x01, 0xD8, 0x01, 0x01], [0x90, 0x01]],
                            unitBoundaries: true)
        #expect(units[0].fields == [.bytes("control", [0x90]), .integer("destinationLSAP", 1), .integer("sourceLSAP", 1)])
        #expect(units[0].apdu == [0xD8, 0x01, 0x01])
        #expect(units[1].apdu == nil)
        #expect(units[1].codes == ["apdu-malformed"])
    }
}

@Suite struct StreamBufferTests {
    @Test func framesNameEveryCarrierOfTheirBytes() {
        var buffer = StreamBuffer()
        buffer.append([1, 2, 3], from: Carrier(packet: 1, time: nil))
        buffer.append([4, 5], from: Carrier(packet: 2, time: nil))
        buffer.append([6], from: Carrier(packet: 3, time: nil))
        let first = buffer.consume(4)
        #expect(first.bytes == [1, 2, 3, 4])
        #expect(first.carriers.map(\.packet) == [1, 2])
        #expect(buffer.streamOffset == 4)
        #expect(buffer.carrier(at: 0)?.packet == 2)
        let rest = buffer.takeChunks()
        #expect(rest.map(\.bytes) == [[5], [6]])
        #expect(rest.map(\.carrier.packet) == [2, 3])
        #expect(buffer.isEmpty)
    }

    @Test func consumingMoreThanPresentIsClamped() {
        var buffer = StreamBuffer()
        buffer.append([1, 2], from: Carrier(packet: 1, time: nil))
        #expect(buffer.consume(10).bytes == [1, 2])
        #expect(buffer[0] == nil)
        #expect(buffer.slice(-5..<100).isEmpty)
    }
}

@Suite struct FrameCheckSequenceTests {
    @Test func crc16X25OfTheVector() {
        // d10: the CRC of 03 3F is sent as 5B EC (low byte first).
        let crc = FrameCheckSequence.compute(Vectors.input("d10-crc16-x25", "data"))
        let sent = Hex.encode([UInt8(crc & 0xFF), UInt8(crc >> 8)])
        #expect(sent == Vectors.expected("d10-crc16-x25")["fcs_bytes_as_transmitted"] as? String)
        #expect(FrameCheckSequence.isValid([0x03, 0x3F, 0x5B, 0xEC]))
        #expect(!FrameCheckSequence.isValid([0x03, 0x3F, 0x5B, 0xED]))
    }
}

@Suite struct StreamBufferCarrierTests {
    @Test func bytesEndingExactlyAtACarriersEndDoNotNameTheNextCarrier() {
        var buffer = StreamBuffer()
        buffer.append([1, 2], from: Carrier(packet: 1, time: nil))
        buffer.append([3, 4], from: Carrier(packet: 2, time: nil))
        #expect(buffer.drop(2).map(\.packet) == [1])
        #expect(buffer.consume(2).carriers.map(\.packet) == [2])
    }
}
