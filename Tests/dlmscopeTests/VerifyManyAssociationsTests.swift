@testable import dlmscope
import DLMSCore
import DLMSOutput
import DLMSTestSupport
import Foundation
import Testing

/// `dlmscope verify` on a capture with many associations on interleaved conversations, which
/// close in another order than they start: the report lists them all in number order, with
/// their meters aggregated, in text and JSON.
@Suite struct VerifyManyAssociationsTests {
    static let groups = 25
    static let meters = ["4D4D4D0000000011", "4D4D4D0000000022", "4D4D4D0000000033"]

    static func capture() throws -> String {
        let path = try Fixtures.temporaryDirectory().appendingPathComponent("interleaved.pcap").path
        try SampleCaptures.interleavedAssociations(groups: groups, meters: meters.compactMap(Hex.decode)).write(to: path)
        return path
    }

    /// What `SampleCaptures.interleavedAssociations` describes: per association its number,
    /// flow, first and last record, whether an RLRE closed it, and its meter.
    struct Expected {
        var number: Int
        var flow: String
        var records: [Int]
        var released: Bool
        var meter: String?
    }

    static var expected: [Expected] {
        // The push conversation: a notification first and one after each 24-record group.
        var list = [Expected(number: 1, flow: "10.0.0.9:4059 -> 10.0.0.100:40000", records: [1, 1 + 25 * groups], released: false, meter: nil)]
        for group in 0..<groups {
            let base = 2 + 25 * group
            for k in 0..<4 {
                let session = 4 * group + k
                list.append(Expected(
                    number: 2 + session, flow: "10.1.\(group).\(k):\(50000 + session) -> 10.0.0.\(1 + session % 3):4059",
                    // AARQs at base + k; the releases run k = 3 down to 0, two records each, after 16 records.
                    records: [base + k, base + 17 + 2 * (3 - k)], released: true, meter: meters[session % 3]
                ))
            }
        }
        let last = 2 + 25 * groups
        list.append(Expected(number: 2 + 4 * groups, flow: "10.2.0.1:60000 -> 10.0.0.1:4059", records: [last, last + 3],
                             released: false, meter: meters[0]))
        list.append(Expected(number: 3 + 4 * groups, flow: "10.2.0.1:60000 -> 10.0.0.1:4059", records: [last + 4, last + 5],
                             released: false, meter: meters[0]))
        return list
    }

    @Test func theJSONReportListsEveryAssociationInOrder() throws {
        let path = try Self.capture()
        let result = try CommandRunner.run(["verify", "-T", "json", path])
        #expect(result.stderr.isEmpty)
        #expect(result.lines.count == 1)
        let report = try #require(try VerifyCommandTests.reports(result).first)
        #expect(report["records"] as? Int == 25 * Self.groups + 7)
        let associations = try #require(report["associations"] as? [[String: Any]])
        let expected = Self.expected
        #expect(associations.count == expected.count)
        for (association, want) in zip(associations, expected) {
            #expect(association["number"] as? Int == want.number)
            #expect(association["flow"] as? String == want.flow, "#\(want.number)")
            #expect(association["records"] as? [Int] == want.records, "#\(want.number)")
            #expect(association["released"] as? Bool == want.released, "#\(want.number)")
            #expect(association["aarq"] as? Bool == (want.number != 1), "#\(want.number)")
            #expect(association["serverSystemTitle"] as? String == want.meter, "#\(want.number)")
        }
        // Meters by first appearance: the push's unknown meter (record 1), then meters 0, 1, 2. Sessions
        // 0..<100 go to them by s % 3 (34, 33, 33 of 6 APDUs); meter 0 has the last session's two more.
        let meters = try #require(report["meters"] as? [[String: Any]])
        #expect(meters.map { $0["systemTitle"] as? String } == [nil] + Self.meters)
        #expect(meters.map { $0["associations"] as? Int } == [1, 36, 33, 33])
        #expect(meters.map { ($0["counts"] as? [String: Any])?["apdus"] as? Int } == [Self.groups + 1, 34 * 6 + 6, 33 * 6, 33 * 6])
    }

    @Test func theTextReportListsEveryAssociationInOrder() throws {
        let path = try Self.capture()
        let result = try CommandRunner.run(["verify", path])
        #expect(result.stderr.isEmpty)
        let lines = result.lines
        #expect(Array(lines.prefix(3)) == ["== \(path)", "  \(25 * Self.groups + 7) records; \(25 * Self.groups + 7) APDUs, none ciphered",
                                    "Associations"])
        let heads = lines.filter { $0.hasPrefix("  #") }
        #expect(heads.count == Self.expected.count)
        for (head, want) in zip(heads, Self.expected) {
            #expect(head.hasPrefix("  #\(want.number)  \(want.flow)  records \(want.records[0])-\(want.records[1])  "), "\(head)")
        }
        #expect(lines.contains("Meters"))
        #expect(lines.contains { $0.hasPrefix("  \(Self.meters[0]) (MMM): 36 associations; ") })
        #expect(lines.last?.hasPrefix("Result: ") == true)
    }

    // MARK: The spool

    /// Associations appended as they close come back in number order, the separator between them.
    @Test func theSpoolWritesAssociationsInNumberOrder() throws {
        let spool = try AssociationSpool(separator: Array(",".utf8))
        for number in [3, 4, 2, 6, 5, 1, 7] {
            spool.append(number: number) { $0.append(contentsOf: "{\(number)}".utf8) }
        }
        #expect(spool.count == 7)
        let path = try Fixtures.temporaryDirectory().appendingPathComponent("spooled.json").path
        let sink = try OutputSink.file(path)
        #expect(spool.copy(to: sink))
        #expect(sink.close())
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "{1},{2},{3},{4},{5},{6},{7}")
    }

    /// Its file is gone from its directory from the start.
    @Test func theSpoolLeavesNoFile() throws {
        let directory = try Fixtures.temporaryDirectory().appendingPathComponent("spool").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let spool = try AssociationSpool(separator: [], directory: directory)
        spool.append(number: 1) { $0.append(contentsOf: "x".utf8) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == [])
    }
}
