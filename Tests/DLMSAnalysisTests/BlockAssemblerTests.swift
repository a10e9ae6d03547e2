import DLMSCore
import DLMSFraming
import Testing
@testable import DLMSAnalysis

@Suite struct BlockAssemblerTests {
    typealias Assembler = BlockAssembler<Int>

    static func block(_ number: UInt32, _ data: [UInt8], packet: Int? = nil) -> Assembler.Block {
        Assembler.Block(number: number, data: data, carriers: [Carrier(packet: packet ?? Int(number), time: nil)], findings: [])
    }

    @Test func blocksInOrderJoinWhenTheLastArrives() {
        var assembler = Assembler()
        #expect(assembler.add(Self.block(1, [1, 2]), isLast: false, to: 7).isEmpty)
        #expect(assembler.add(Self.block(2, [3]), isLast: false, to: 7).isEmpty)
        let outcome = assembler.add(Self.block(3, [4, 5]), isLast: true, to: 7)
        #expect(outcome.map(\.data) == [[1, 2, 3, 4, 5]])
        #expect(outcome.first?.carriers.map(\.packet) == [1, 2, 3])
        #expect(outcome.first?.findings.isEmpty == true)
        #expect(assembler.pendingCount == 0)
    }

    @Test func outOfOrderBlocksArePlacedAndReported() {
        var assembler = Assembler()
        _ = assembler.add(Self.block(2, [3]), isLast: false, to: 1)
        _ = assembler.add(Self.block(3, [4]), isLast: true, to: 1)
        let outcome = assembler.add(Self.block(1, [1, 2]), isLast: false, to: 1)
        #expect(outcome.map(\.data) == [[1, 2, 3, 4]])
        #expect(outcome.first?.findings.map(\.code) == [.blockOutOfOrder])
    }

    @Test func duplicatesAreDroppedAndReported() {
        var assembler = Assembler()
        _ = assembler.add(Self.block(1, [1]), isLast: false, to: 1)
        _ = assembler.add(Self.block(1, [1], packet: 9), isLast: false, to: 1)
        let outcome = assembler.add(Self.block(2, [2]), isLast: true, to: 1)
        #expect(outcome.map(\.data) == [[1, 2]])
        #expect(outcome.first?.findings.map(\.code) == [.blockDuplicate])
        #expect(outcome.first?.carriers.map(\.packet) == [1, 9, 2])
    }

    @Test func aTransferEndingWithHolesIsIncompleteNotPassedOn() {
        var assembler = Assembler()
        _ = assembler.add(Self.block(1, [1]), isLast: false, to: 1)
        _ = assembler.add(Self.block(4, [4]), isLast: true, to: 1)
        let outcomes = assembler.finish(reason: "the capture ends")
        #expect(outcomes.count == 1)
        #expect(outcomes.first?.data == nil)
        #expect(outcomes.first?.findings.map(\.code) == [.blockMissing])
        #expect(outcomes.first?.findings.first?.message.contains("missing 2-3") == true)
    }

    @Test func aNewFirstBlockEndsTheTransferInProgress() {
        var assembler = Assembler()
        _ = assembler.add(Self.block(1, [1]), isLast: false, to: 1)
        _ = assembler.add(Self.block(2, [2]), isLast: false, to: 1)
        let restart = assembler.add(Self.block(1, [9], packet: 10), isLast: false, to: 1)
        #expect(restart.map(\.data) == [nil])
        #expect(restart.first?.findings.last?.message.contains("the last block never came") == true)
        let finished = assembler.add(Self.block(2, [8], packet: 11), isLast: true, to: 1)
        #expect(finished.map(\.data) == [[9, 8]])
    }

    @Test func transfersAreKeptApart() {
        var assembler = Assembler()
        _ = assembler.add(Self.block(1, [1]), isLast: false, to: 1)
        _ = assembler.add(Self.block(1, [7]), isLast: false, to: 2)
        #expect(assembler.add(Self.block(2, [8]), isLast: true, to: 2).map(\.data) == [[7, 8]])
        #expect(assembler.add(Self.block(2, [2]), isLast: true, to: 1).map(\.data) == [[1, 2]])
    }

    @Test func rangesAreWrittenCompactly() {
        #expect(Assembler.ranges([1, 2, 3, 5, 7, 8]) == "1-3, 5, 7-8")
    }
}
