import DLMSCore
import Testing
@testable import DLMSTransport

/// The reassembler is tested on sequence numbers directly: what it delivers,
/// where, and which gaps and retransmissions it reports.
@Suite struct TCPStreamReassemblerTests {
    /// A compact view of the output for assertions.
    enum Item: Equatable {
        case bytes([UInt8], offset: UInt64, packet: Int)
        case gap(offset: UInt64, count: UInt64)
        case retransmission(packet: Int, count: UInt64)
        case overlap(packet: Int)
    }

    static func items(_ outputs: [TCPStreamReassembler.Output]) -> [Item] {
        outputs.flatMap { output -> [Item] in
            switch output {
            case let .bytes(bytes, offset, packets, _, findings):
                [.bytes(Array(bytes), offset: offset, packet: packets.first ?? 0)]
                    + findings.map { _ in Item.overlap(packet: packets.first ?? 0) }
            case let .gap(offset, count, _, _, _): [.gap(offset: offset, count: count)]
            case let .retransmission(packet, _, count): [.retransmission(packet: packet, count: count)]
            }
        }
    }

    var stream = TCPStreamReassembler()

    mutating func send(_ bytes: [UInt8], at sequence: UInt32, packet: Int, fin: Bool = false, missing: Int = 0) -> [Item] {
        Self.items(stream.receive(bytes[...], sequence: sequence, missing: missing, fin: fin, packet: packet, time: nil))
    }

    @Test mutating func deliversInOrderAfterSYN() {
        stream.synchronize(initialSequence: 999)
        #expect(send([1, 2, 3], at: 1000, packet: 2) == [.bytes([1, 2, 3], offset: 0, packet: 2)])
        #expect(send([4, 5], at: 1003, packet: 3) == [.bytes([4, 5], offset: 3, packet: 3)])
        #expect(stream.delivered == 5)
    }

    @Test mutating func startsMidConnectionAtTheFirstSegmentSeen() {
        #expect(send([9, 9], at: 0xDEAD_BEEF, packet: 1) == [.bytes([9, 9], offset: 0, packet: 1)])
        #expect(send([8], at: 0xDEAD_BEF1, packet: 2) == [.bytes([8], offset: 2, packet: 2)])
    }

    @Test mutating func reordersOutOfOrderSegments() {
        stream.synchronize(initialSequence: 0)
        #expect(send([4, 5, 6], at: 4, packet: 2) == [])
        #expect(send([7], at: 7, packet: 3) == [])
        #expect(send([1, 2, 3], at: 1, packet: 4) == [
            .bytes([1, 2, 3], offset: 0, packet: 4),
            .bytes([4, 5, 6], offset: 3, packet: 2),
            .bytes([7], offset: 6, packet: 3),
        ])
    }

    @Test mutating func dropsExactRetransmissions() {
        stream.synchronize(initialSequence: 0)
        _ = send([1, 2, 3], at: 1, packet: 2)
        #expect(send([1, 2, 3], at: 1, packet: 3) == [.retransmission(packet: 3, count: 3)])
        #expect(stream.delivered == 3)
    }

    @Test mutating func trimsOverlapsAndDeliversOnlyNewBytes() {
        stream.synchronize(initialSequence: 0)
        _ = send([1, 2, 3, 4], at: 1, packet: 2)
        #expect(send([3, 4, 5, 6], at: 3, packet: 3) == [.bytes([5, 6], offset: 4, packet: 3), .overlap(packet: 3)])
    }

    @Test mutating func overlappingOutOfOrderSegmentsAreDeliveredOnce() {
        stream.synchronize(initialSequence: 0)
        _ = send([5, 6, 7], at: 5, packet: 2)
        _ = send([3, 4, 5, 6], at: 3, packet: 3)
        let out = send([1, 2], at: 1, packet: 4)
        #expect(out == [
            .bytes([1, 2], offset: 0, packet: 4),
            .bytes([3, 4, 5, 6], offset: 2, packet: 3),
            .bytes([7], offset: 6, packet: 2), .overlap(packet: 2),
        ])
    }

    @Test mutating func keepAliveProbesAreSilent() {
        stream.synchronize(initialSequence: 0)
        _ = send([1, 2], at: 1, packet: 2)
        #expect(send([0], at: 2, packet: 3) == [])  // one byte just before the next expected one
    }

    @Test mutating func aGapIsDeclaredWhenThePeerAcknowledgesMissingBytes() {
        stream.synchronize(initialSequence: 0)
        _ = send([1, 2], at: 1, packet: 2)
        #expect(send([6, 7], at: 6, packet: 3) == [])  // bytes 3-5 (offsets 2-4) missing
        // The peer acknowledges up to sequence 8: it got the 3 missing bytes, the capture did not.
        let out = Self.items(stream.acknowledge(8, packet: 4, time: nil))
        #expect(out == [.gap(offset: 2, count: 3), .bytes([6, 7], offset: 5, packet: 3)])
    }

    @Test mutating func anAcknowledgementSeenBeforeTheDataDoesNotInventAGap() {
        stream.synchronize(initialSequence: 0)
        #expect(Self.items(stream.acknowledge(4, packet: 2, time: nil)) == [])
        #expect(send([1, 2, 3], at: 1, packet: 3) == [.bytes([1, 2, 3], offset: 0, packet: 3)])
    }

    @Test mutating func anEarlierAcknowledgementProvesALaterHole() {
        stream.synchronize(initialSequence: 0)
        _ = Self.items(stream.acknowledge(4, packet: 2, time: nil))  // 3 bytes acknowledged, none captured yet
        #expect(send([4, 5], at: 4, packet: 3) == [.gap(offset: 0, count: 3), .bytes([4, 5], offset: 3, packet: 3)])
    }

    @Test mutating func flushTurnsHolesIntoGaps() {
        stream.synchronize(initialSequence: 0)
        _ = send([1], at: 1, packet: 2)
        _ = send([5], at: 5, packet: 3)
        _ = send([9, 9], at: 9, packet: 4)
        let out = Self.items(stream.flush(packet: 9, time: nil, reason: "end"))
        #expect(out == [
            .gap(offset: 1, count: 3), .bytes([5], offset: 4, packet: 3),
            .gap(offset: 5, count: 3), .bytes([9, 9], offset: 8, packet: 4),
        ])
    }

    @Test mutating func aFullBufferGivesUpOnTheHole() {
        stream.synchronize(initialSequence: 0)
        _ = send([0], at: 1, packet: 1)
        let chunk = [UInt8](repeating: 0xAA, count: 1000)
        var out: [Item] = []
        // 2049 segments after a 1-byte hole exceed the 2048-segment bound.
        for index in 0...TCPStreamReassembler.maxPendingSegments {
            out += send(chunk, at: UInt32(3 + index * 1000), packet: 2 + index)
        }
        #expect(out.first == .gap(offset: 1, count: 1))
        #expect(stream.delivered == 2 + UInt64(TCPStreamReassembler.maxPendingSegments + 1) * 1000)
    }

    @Test mutating func sequenceNumbersWrapAround() {
        stream.synchronize(initialSequence: 0xFFFF_FFFD)
        #expect(send([1, 2, 3], at: 0xFFFF_FFFE, packet: 2) == [.bytes([1, 2, 3], offset: 0, packet: 2)])
        #expect(send([4, 5], at: 1, packet: 3) == [.bytes([4, 5], offset: 3, packet: 3)])
        #expect(send([4, 5], at: 1, packet: 4) == [.retransmission(packet: 4, count: 2)])
    }

    @Test mutating func aSnaplenCutBecomesAGapAfterTheCapturedBytes() {
        stream.synchronize(initialSequence: 0)
        #expect(send([1, 2], at: 1, packet: 2, missing: 3) == [.bytes([1, 2], offset: 0, packet: 2), .gap(offset: 2, count: 3)])
        #expect(send([6], at: 6, packet: 3) == [.bytes([6], offset: 5, packet: 3)])
    }

    @Test mutating func finishesAtTheFIN() {
        stream.synchronize(initialSequence: 0)
        _ = send([1, 2], at: 3, packet: 2, fin: true)
        #expect(!stream.isComplete)
        _ = send([7, 7], at: 1, packet: 3)
        #expect(stream.isComplete)
        // The acknowledgement of the FIN itself is no evidence of a missing byte.
        #expect(Self.items(stream.acknowledge(6, packet: 4, time: nil)) == [])
        #expect(Self.items(stream.flush(packet: 5, time: nil, reason: "end")) == [])
    }
}
