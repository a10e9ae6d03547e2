import DLMSAPDU
import DLMSAnalysis
import DLMSCapture
import DLMSCore
import DLMSTestSupport
import Foundation
import Testing

/// SET datablocks and ACTION pblocks through the pipeline: the blocks are
/// joined into the APDU the peer would have sent unblocked, the block
/// acknowledgements stay records of their own, and the exchange pairs.
@Suite struct BlockTransferPipelineTests {
    static let clock = CosemAttributeDescriptor(classId: 8, instance: OBISCode(0, 0, 1, 0, 0), attributeId: 2)
    static let disconnect = CosemMethodDescriptor(classId: 70, instance: OBISCode(0, 0, 96, 3, 10), methodId: 1)
    static let invoke = InvokeIdAndPriority(invokeId: 1)
    /// A value whose encoding (14 bytes) is split over two blocks.
    static let value = DLMSData.octetString([0x07, 0xE8, 0x03, 0x0F, 0x05, 0x0E, 0x1E, 0x00, 0x00, 0xFF, 0xC4, 0x00])

    /// Decodes a log of `TX`/`RX` lines, one bare APDU each.
    static func decode(_ lines: [(tx: Bool, APDU)]) throws -> [Record] {
        let text = lines.map { ($0.tx ? "TX " : "RX ") + Hex.encode($0.1.encoded) }.joined(separator: "\n") + "\n"
        let path = try Fixtures.temporaryDirectory().appendingPathComponent("blocks.log").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return Array(try TraceDecoder(input: try InputFile(path: path)))
    }

    @Test func setWithDataBlocksJoinsIntoOneSetRequest() throws {
        let encoded = Self.value.encoded
        let records = try Self.decode([
            (true, .setRequest(.withFirstDataBlock(.init(
                invokeIdAndPriority: Self.invoke, attribute: Self.clock,
                block: DataBlockSA(lastBlock: false, blockNumber: 1, rawData: Array(encoded[..<6])))))),
            (false, .setResponse(.dataBlock(.init(invokeIdAndPriority: Self.invoke, blockNumber: 1)))),
            (true, .setRequest(.withDataBlock(.init(
                invokeIdAndPriority: Self.invoke,
                block: DataBlockSA(lastBlock: true, blockNumber: 2, rawData: Array(encoded[6...])))))),
            (false, .setResponse(.lastDataBlock(.init(
                invokeIdAndPriority: Self.invoke, result: DataAccessResult(rawValue: 0), blockNumber: 2)))),
        ])
        // The ack of block 1, the joined request (lines 1 and 3), the final response.
        #expect(records.count == 3)
        let joined = try #require(records.first { $0.apdu?.reassembly != nil })
        #expect(joined.packets == [1, 3])
        #expect(joined.apdu?.reassembly?.blocks == 2)
        #expect(joined.apdu?.apdu == .setRequest(.normal(.init(
            invokeIdAndPriority: Self.invoke, attribute: Self.clock, value: Self.value))))
        let response = try #require(records.last)
        #expect(response.partner == joined.index && joined.partner == response.index)
        #expect(records.allSatisfy { $0.findings.isEmpty })
    }

    @Test func actionWithPBlocksJoinsIntoOneActionRequest() throws {
        let encoded = Self.value.encoded
        let records = try Self.decode([
            (true, .actionRequest(.withFirstPBlock(.init(
                invokeIdAndPriority: Self.invoke, method: Self.disconnect,
                block: DataBlockSA(lastBlock: false, blockNumber: 1, rawData: Array(encoded[..<4])))))),
            (false, .actionResponse(.nextPBlock(.init(invokeIdAndPriority: Self.invoke, blockNumber: 1)))),
            (true, .actionRequest(.withPBlock(.init(
                invokeIdAndPriority: Self.invoke,
                block: DataBlockSA(lastBlock: true, blockNumber: 2, rawData: Array(encoded[4...])))))),
            (false, .actionResponse(.normal(.init(
                invokeIdAndPriority: Self.invoke, response: ActionResponseWithOptionalData(result: ActionResult(rawValue: 0)))))),
        ])
        let joined = try #require(records.first { $0.apdu?.reassembly != nil })
        #expect(joined.apdu?.apdu == .actionRequest(.normal(.init(
            invokeIdAndPriority: Self.invoke, method: Self.disconnect, parameters: Self.value))))
        #expect(joined.apdu?.reassembly == .init(method: "with-pblock", blocks: 2))
        #expect(records.last?.partner == joined.index)
        #expect(records.allSatisfy { $0.findings.isEmpty })
    }

    @Test func actionReturnParametersInPBlocksJoinIntoOneResponse() throws {
        let encoded = Self.value.encoded
        let records = try Self.decode([
            (true, .actionRequest(.normal(.init(invokeIdAndPriority: Self.invoke, method: Self.disconnect)))),
            (false, .actionResponse(.withPBlock(.init(
                invokeIdAndPriority: Self.invoke, block: DataBlockSA(lastBlock: false, blockNumber: 1, rawData: Array(encoded[..<3])))))),
            (true, .actionRequest(.nextPBlock(.init(invokeIdAndPriority: Self.invoke, blockNumber: 1)))),
            (false, .actionResponse(.withPBlock(.init(
                invokeIdAndPriority: Self.invoke, block: DataBlockSA(lastBlock: true, blockNumber: 2, rawData: Array(encoded[3...])))))),
        ])
        let joined = try #require(records.first { $0.apdu?.reassembly != nil })
        guard case let .actionResponse(.normal(response))? = joined.apdu?.apdu else {
            Issue.record("not an action-response")
            return
        }
        #expect(response.response.returnParameters == .data(Self.value))
        #expect(joined.partner == records.first?.index)
    }

    @Test func aSetTransferWhoseFirstBlockWasMissedIsReported() throws {
        let records = try Self.decode([
            (true, .setRequest(.withDataBlock(.init(
                invokeIdAndPriority: Self.invoke, block: DataBlockSA(lastBlock: true, blockNumber: 2, rawData: [0x11, 0x05]))))),
        ])
        #expect(records.count == 1)
        #expect(records.first?.apdu?.apdu == nil)
        #expect(records.first?.findings.map(\.code) == [.blockMissing])
    }
}
