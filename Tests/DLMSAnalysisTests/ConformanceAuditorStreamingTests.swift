import DLMSAnalysis
import DLMSAPDU
import DLMSCapture
import DLMSCore
import DLMSSecurity
import DLMSTestSupport
import Foundation
import Testing

/// `ConformanceAuditor` handing associations on as they close: it holds only the open ones,
/// and its meters equal those of an auditor that keeps every association, with counters and
/// findings in record order whatever order the associations close in.
@Suite struct ConformanceAuditorStreamingTests {
    static let meters = ["4D4D4D0000000011", "4D4D4D0000000022", "4D4D4D0000000033"].compactMap(Hex.decode)

    static func interleavedRecords(groups: Int) throws -> [Record] {
        let path = try Fixtures.temporaryDirectory().appendingPathComponent("interleaved.pcap").path
        try SampleCaptures.interleavedAssociations(groups: groups, meters: meters).write(to: path)
        return Array(try TraceDecoder(input: try InputFile(path: path), options: TraceDecoder.Options()))
    }

    @Test func handingOffHoldsOnlyTheOpenAssociations() throws {
        let groups = 25
        let records = try Self.interleavedRecords(groups: groups)
        // The push conversation, 4 sessions a group, the last session's two associations.
        let associations = 1 + 4 * groups + 2
        var handed: [AssociationReport] = []
        var streaming = ConformanceAuditor(input: "interleaved") { handed.append($0) }
        var keeping = ConformanceAuditor(input: "interleaved")
        var mostHeld = 0
        for record in records {
            streaming.add(record)
            keeping.add(record)
            mostHeld = max(mostHeld, streaming.heldAssociations)
        }
        // At most the push conversation and a group's four sessions are open at once.
        #expect(mostHeld == 5)
        let streamed = streaming.finish()
        let kept = keeping.finish()
        #expect(streamed.associations.isEmpty)
        #expect(streaming.heldAssociations == 0)
        #expect(kept.associations.map(\.number) == Array(1...associations))
        #expect(handed.count == associations)
        // A group's sessions close last-started first; the last session's first association when
        // its second AARQ comes; the end closes the rest in number order.
        #expect(Array(handed.prefix(4).map(\.number)) == [5, 4, 3, 2])
        #expect(Array(handed.suffix(3).map(\.number)) == [associations - 1, 1, associations])
        let byNumber = handed.sorted { $0.number < $1.number }
        #expect(byNumber.map(\.records) == kept.associations.map(\.records))
        #expect(byNumber.map(\.counts) == kept.associations.map(\.counts))
        #expect(byNumber.map(\.serverSystemTitle) == kept.associations.map(\.serverSystemTitle))

        // Meters by first appearance: the push's unknown meter (record 1), then meters 0, 1, 2.
        for report in [streamed, kept] {
            #expect(report.meters.map(\.systemTitle) == [nil] + Self.meters)
            // Sessions 0..<100 by s % 3: 34, 33, 33; meter 0 also has the last session's two.
            #expect(report.meters.map(\.associations) == [1, 36, 33, 33])
            #expect(report.meters.map(\.counts.apdus) == [groups + 1, 34 * 6 + 6, 33 * 6, 33 * 6])
            #expect(report.records == groups * 25 + 7)
        }
    }

    // MARK: Two associations of one meter, overlapping

    static let meter = Hex.decode("4D4D4D0000BC614E") ?? []
    static let mark = Finding.Code("test-mark", severity: .warning)

    static func record(
        _ index: Int, _ flow: String, _ direction: Direction, _ apdu: APDU, counter: UInt32? = nil, findings: [Finding] = []
    ) -> Record {
        var record = Record(
            index: index, packets: [index], time: nil, flow: flow, direction: direction,
            transport: TransportHeader(kind: .wrapper), apdu: DecodedAPDU(bytes: [], apdu: apdu), findings: findings
        )
        record.security = counter.map {
            SecurityInfo(envelope: "glo-get-response", securityControl: 0x30, invocationCounter: $0, key: .globalUnicast,
                         systemTitle: meter, tag: .valid)
        }
        return record
    }

    /// Association A starts first and closes last; B, of the same meter, carries the meter's
    /// first ciphered APDU. The meter's counter runs from B's first value to A's last, and its
    /// finding locations are in record order, as a single pass over the capture sees them.
    @Test func aMetersCountersAndFindingsFollowRecordOrder() throws {
        let a = "10.0.0.2:50000 -> 10.0.0.1:4059", b = "10.0.0.3:50000 -> 10.0.0.1:4059"
        let aToClient = "10.0.0.1:4059 -> 10.0.0.2:50000", bToClient = "10.0.0.1:4059 -> 10.0.0.3:50000"
        let aarq = APDU.aarq(AARQ())
        let aare = APDU.aare(AARE(respondingAPTitle: Self.meter))
        let response = try APDU.decode(APDUs.clockValue[...]).apdu
        let release = try APDU.decode(APDUs.releaseResponse[...]).apdu
        let records = [
            Self.record(1, a, .clientToServer, aarq),
            Self.record(2, b, .clientToServer, aarq),
            Self.record(3, aToClient, .serverToClient, aare),
            Self.record(4, bToClient, .serverToClient, aare),
            Self.record(5, bToClient, .serverToClient, response, counter: 100, findings: [Finding(Self.mark, "in B")]),
            Self.record(6, aToClient, .serverToClient, response, counter: 50, findings: [Finding(Self.mark, "in A")]),
            Self.record(7, aToClient, .serverToClient, response, counter: 51),
            Self.record(8, bToClient, .serverToClient, release),
            Self.record(9, aToClient, .serverToClient, release),
        ]
        var closed: [Int] = []
        var streaming = ConformanceAuditor(input: "overlap") { closed.append($0.number) }
        var keeping = ConformanceAuditor(input: "overlap")
        for record in records {
            streaming.add(record)
            keeping.add(record)
        }
        #expect(closed == [2, 1])
        for report in [streaming.finish(), keeping.finish()] {
            #expect(report.meters.count == 1)
            let meter = try #require(report.meters.first)
            #expect(meter.systemTitle == Self.meter)
            #expect(meter.associations == 2)
            #expect(meter.counts.apdus == 9)
            let counter = try #require(meter.invocationCounters.first)
            #expect(meter.invocationCounters.count == 1)
            #expect([counter.first, counter.last, counter.lowest, counter.highest] == [100, 51, 50, 100])
            #expect(counter.count == 3)
            // The input's own counter range says the same.
            #expect(report.invocationCounters == meter.invocationCounters)
            let tally = try #require(meter.findings.first)
            #expect(tally.count == 2)
            #expect(tally.locations.map(\.record) == [5, 6])
            #expect(tally.example == "in B")
        }
    }
}
