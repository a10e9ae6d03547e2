import DLMSAnalysis
import DLMSCapture
import DLMSCore
import DLMSTestSupport
import DLMSTransport
import Testing

/// The real pcaps in ../shared/captures, reassembled per direction. Expected
/// segment and byte counts and first/last bytes were established
/// independently with Wireshark 4.0.17: `tshark -r FILE -q -z follow,tcp,raw,N`
/// (stream 0 of Output.pcap, stream 1 of Output-Ciphered.pcap).
@Suite struct RealCaptureTransportTests {
    struct Reassembly {
        var segments: [DLMSCore.Direction: Int] = [:]
        var bytes: [DLMSCore.Direction: [UInt8]] = [:]
        var events: [TransportEvent] = []
        var findings: [Finding] = []
    }

    /// Runs capture and transport stages over a file.
    static func reassemble(_ path: String) throws -> Reassembly {
        var (_, reader) = try CaptureOpener.open(try InputFile(path: path))
        var transport = TransportDecoder()
        var result = Reassembly()
        while let event = reader.next() {
            switch event {
            case let .packet(packet): transport.decode(packet, into: &result.events)
            case let .finding(finding): result.findings.append(finding)
            }
        }
        transport.finish(into: &result.events)
        for case let .data(data) in result.events where data.transport == .tcp {
            result.segments[data.direction, default: 0] += 1
            result.bytes[data.direction, default: []] += data.bytes
        }
        return result
    }

    @Test func gurusClientServerSessionStartingMidConnection() throws {
        let run = try Self.reassemble(Fixtures.shared("captures/wireshark-dlms-plugin-pcaps/Output.pcap"))
        // tshark: node 0 (127.0.0.1:38966) 132 segments, 2857 bytes, 000100010001001f…0100056203800100;
        // node 1 (127.0.0.1:4063) 132 segments, 6649 bytes, 000100010001002b…00001e5d04000007.
        // There is no SYN: the roles come from port 4063.
        #expect(run.segments[.clientToServer] == 132)
        #expect(run.bytes[.clientToServer]?.count == 2857)
        #expect(run.bytes[.clientToServer].map { Hex.encode($0.prefix(8)) } == "000100010001001F")
        #expect(run.bytes[.clientToServer].map { Hex.encode($0.suffix(8)) } == "0100056203800100")
        #expect(run.segments[.serverToClient] == 132)
        #expect(run.bytes[.serverToClient]?.count == 6649)
        #expect(run.bytes[.serverToClient].map { Hex.encode($0.prefix(8)) } == "000100010001002B")
        #expect(run.bytes[.serverToClient].map { Hex.encode($0.suffix(8)) } == "00001E5D04000007")
        #expect(run.findings.isEmpty)
        #expect(!run.events.contains { if case .gap = $0 { true } else { false } })
    }

    @Test func cipheredSessionWithHandshakeAndDNSNoise() throws {
        let run = try Self.reassemble(Fixtures.shared("captures/wireshark-dlms-plugin-pcaps/Output-Ciphered.pcap"))
        // tshark: node 0 (127.0.0.1:36012) 132 segments, 3799 bytes, 000100100001003f…0100056203800100;
        // node 1 (127.0.0.1:4064) 132 segments, 7469 bytes, 000100010010003e…e893693579ba7ca5.
        #expect(run.segments[.clientToServer] == 132)
        #expect(run.bytes[.clientToServer]?.count == 3799)
        #expect(run.bytes[.clientToServer].map { Hex.encode($0.prefix(8)) } == "000100100001003F")
        #expect(run.bytes[.clientToServer].map { Hex.encode($0.suffix(8)) } == "0100056203800100")
        #expect(run.segments[.serverToClient] == 132)
        #expect(run.bytes[.serverToClient]?.count == 7469)
        #expect(run.bytes[.serverToClient].map { Hex.encode($0.prefix(8)) } == "000100010010003E")
        #expect(run.bytes[.serverToClient].map { Hex.encode($0.suffix(8)) } == "E893693579BA7CA5")
        // DNS datagrams to and from 127.0.0.53 are UDP units of their own flows, direction unknown.
        let dns = run.events.compactMap { event -> TransportData? in
            if case let .data(data) = event, data.transport == .udp { data } else { nil }
        }
        #expect(!dns.isEmpty)
        #expect(dns.allSatisfy { $0.direction == .unknown && $0.flow?.description.contains(":53") == true })
    }

    @Test func udpDatagramsFromThePluginSample() throws {
        let run = try Self.reassemble(Fixtures.shared("captures/wireshark-dlms-plugin-pcaps/andrebdo_sample.pcap"))
        let datagrams = run.events.compactMap { event -> TransportData? in
            if case let .data(data) = event { data } else { nil }
        }
        // 51 UDP datagrams 10.1.1.1:0 -> 10.2.2.2:4059 (SOURCE.md); tshark: the first five carry 9, 32, 70, 57, 27 bytes.
        #expect(datagrams.count == 51)
        #expect(datagrams.map(\.packets) == (1...51).map { [$0] })
        #expect(datagrams.allSatisfy { $0.flow?.description == "10.1.1.1:0 -> 10.2.2.2:4059" })
        #expect(datagrams.prefix(5).map(\.bytes.count) == [9, 32, 70, 57, 27])
        // Packets 41-51 carry IEC 61334-4-32 LLC (`90 01 01`), except 43, an HDLC DISC frame (tshark shows
        // the first bytes of each; SOURCE.md counts 43 among the LLC ones).
        #expect(datagrams[40...].map { $0.bytes.first } == [0x90, 0x90, 0x7E] + Array(repeating: 0x90, count: 8))
    }
}
