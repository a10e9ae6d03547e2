import DLMSAnalysis
import DLMSCapture
import DLMSCore
import DLMSTestSupport
import Foundation
import Testing
@testable import DLMSAnalysis

/// Inputs the fuzz harnesses (Fuzz/, FUZZING.md) found, and hostile inputs of issue 8 that
/// reach the analysis stage: each decodes quickly and says what is wrong.
@Suite struct FuzzRegressionTests {
    /// Decodes a hex log (one bare APDU per line).
    static func decode(_ lines: [String]) throws -> [Record] {
        let path = try Fixtures.temporaryDirectory().appendingPathComponent("hostile.log").path
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        return Array(try TraceDecoder(input: try InputFile(path: path)))
    }

    /// A datablock transfer whose last block is numbered 4294967295 after block 1: the missing
    /// blocks used to be listed one by one (four billion numbers: a hang and gigabytes). They are
    /// counted from the gaps between the blocks received.
    @Test func lastBlockNumberedFourBillionIsReportedWithoutListingEveryMissingBlock() throws {
        let records = try Self.decode([
            "C001C1000800000100 00FF0200".replacingOccurrences(of: " ", with: ""),
            "C402C100000000010002AABB",
            "C402C101FFFFFFFF0002CCDD",
        ])
        let findings = records.flatMap(\.findings)
        let missing = try #require(findings.first { $0.code == .blockMissing })
        #expect(missing.message.contains("missing 2-4294967294"), "\(missing.message)")
    }

    @Test func missingBlocksAreCountedFromTheGapsBetweenTheBlocksReceived() {
        var assembler = BlockAssembler<Int>()
        for number: UInt32 in [1, 3, 7, 0xFFFF_FFFE] {
            _ = assembler.add(.init(number: number, data: [1], carriers: [], findings: []), isLast: false, to: 1)
        }
        _ = assembler.add(.init(number: 0xFFFF_FFFF, data: [1], carriers: [], findings: []), isLast: true, to: 1)
        let outcome = assembler.finish(reason: "the capture ends")
        #expect(outcome.first?.findings.last?.message
            == "incomplete transfer (5 blocks received, missing 2, 4-6, 8-4294967293): the capture ends")
    }

    @Test func manyHolesAreListedUpToABound() {
        var assembler = BlockAssembler<Int>()
        for number in stride(from: UInt32(1), through: 2001, by: 2) {
            _ = assembler.add(.init(number: number, data: [1], carriers: [], findings: []), isLast: number == 2001, to: 1)
        }
        let message = assembler.finish(reason: "the capture ends").first?.findings.last?.message ?? ""
        #expect(message.contains("missing 2, 4, 6"))
        #expect(message.count < 400, "\(message.count) characters")
    }

    /// general-block-transfer numbers are 16 bits: a transfer from block 1 to a last block 65535
    /// with nothing between is reported as one range.
    @Test func generalBlockTransferFromOneToTheLastNumber() throws {
        let records = try Self.decode(["E000000100000401020304", "E080FFFF000002C401"])
        let missing = try #require(records.flatMap(\.findings).first { $0.code == .blockMissing })
        #expect(missing.message.contains("missing 2-65534"), "\(missing.message)")
    }
}
