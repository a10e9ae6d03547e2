import DLMSAPDU
import DLMSAnalysis
import DLMSCapture
import DLMSCore
import DLMSTestSupport
import Foundation
import Testing

/// The real captures through capture, transport and framing. Expected counts,
/// kinds and verdicts are those the captures' SOURCE.md files state, or were
/// established independently (tshark, or a few lines of Python over tshark's
/// follow output), as each test says.
@Suite struct RealCaptureFramingTests {
    static func records(_ relative: String, transport: TransportKind? = nil) throws -> [Record] {
        let input = try InputFile(path: Fixtures.shared("captures/" + relative))
        return Array(try TraceDecoder(input: input, options: .init(transport: transport)))
    }

    static func field(_ record: Record, _ name: String) -> Field.Value? {
        record.transport.fields.first { $0.name == name }?.value
    }

    @Test func gurusWrapperSessionOverTCP() throws {
        let records = try Self.records("wireshark-dlms-plugin-pcaps/Output.pcap")
        // Parsing tshark's `follow,tcp,raw,0` output as WRAPPER PDUs gives 132 per direction, wPorts 1 -> 1:
        // client tags 60, 129 x C0, D9, 62; server tags 61, 129 x C4, DA, 63. Six of the C4 are
        // get-response-with-datablock: two transfers of 2 blocks and two of 1 block, so the server's
        // 132 PDUs make 130 records. The two 1-block transfers declare 23 bytes of raw data that hold an
        // empty array (01 00) and 21 more bytes.
        #expect(records.count == 262)
        #expect(records.allSatisfy { $0.transport.kind == .wrapper })
        let client = records.filter { $0.direction == .clientToServer }.compactMap { $0.apdu?.bytes.first }
        let server = records.filter { $0.direction == .serverToClient }.compactMap { $0.apdu?.bytes.first }
        #expect(client.count == 132 && server.count == 130)
        #expect(client.filter { $0 == 0xC0 }.count == 129 && server.filter { $0 == 0xC4 }.count == 127)
        #expect(client.first == 0x60 && client.last == 0x62 && server.first == 0x61 && server.last == 0x63)
        let joined = records.compactMap { $0.apdu?.reassembly?.blocks }
        #expect(joined == [2, 2, 1, 1])
        #expect(records.flatMap(\.findings).filter { $0.code == .apduTrailingBytes }.count == 2)
        #expect(records.allSatisfy { Self.field($0, "sourceWPort") == .integer(1) && Self.field($0, "destinationWPort") == .integer(1) })
    }

    @Test func gurusCipheredSessionKeepsTheNonStandardTag() throws {
        let records = try Self.records("wireshark-dlms-plugin-pcaps/Output-Ciphered.pcap")
        let wrapper = records.filter { $0.transport.kind == .wrapper }
        // Same method: 132 PDUs per direction, wPorts 16 -> 1 and 1 -> 16; tags 60/C8.../00/62 and 61/CC.../00/63.
        #expect(wrapper.count == 264)
        #expect(wrapper.filter { $0.apdu?.bytes.first == 0x00 }.count == 2)
        #expect(wrapper.filter { $0.direction == .clientToServer }.allSatisfy { Self.field($0, "sourceWPort") == .integer(16) })
        // The DNS chatter of the same capture is recognised as no DLMS, one finding per flow.
        let other = records.filter { $0.transport.kind == .none }
        #expect(other.allSatisfy { $0.findings.map(\.code) == [.framingUnrecognized] })
    }

    @Test func plcSampleMixesHDLCAndIEC61334OnOneUDPFlow() throws {
        let records = try Self.records("wireshark-dlms-plugin-pcaps/andrebdo_sample.pcap")
        // SOURCE.md: packets 1-40 HDLC (8 responses split into an A8 frame and a continuation), 41-51
        // IEC 61334-4-32 LLC except packet 43, an HDLC DISC (tshark); the AARQ in packet 3 fails its FCS.
        #expect(records.filter { $0.transport.kind == .iec61334 }.count == 10)
        // Those 8 responses are get-response-with-datablock blocks: each HDLC message is one block, and
        // the records are the joined transfers, every carrier packet listed.
        let joined = records.filter { $0.apdu?.reassembly != nil }
        #expect(joined.allSatisfy { $0.apdu?.bytes.first == 0xC4 && $0.packets.count >= 2 })
        #expect(Set(joined.flatMap(\.packets)).isSuperset(of: [8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32, 34, 36, 38]))
        let aarq = try #require(records.first { $0.packets == [3] })
        #expect(aarq.findings.map(\.code) == [.hdlcFCSInvalid])
        #expect(aarq.apdu?.bytes.first == 0x60)
        #expect(records.first { $0.packets == [43] }.map { Self.field($0, "frameType") } == .text("DISC"))
        #expect(records.first { $0.packets == [1] }.map { Self.field($0, "frameType") } == .text("SNRM"))
        #expect(records.first { $0.packets == [45] }?.direction == .serverToClient)  // an AARE
    }

    @Test func norwegianHANFramesFromAHexLog() throws {
        let records = try Self.records("amstomqttbridge-roarfred/frames.hex")
        // SOURCE.md: 45 frames, all FCS/HCS OK; Kaifa: dst 01, src 02 01, control 10; Kamstrup: dst 2B, src 21, UI 13.
        #expect(records.count == 45)
        #expect(records.allSatisfy { Self.field($0, "fcs") == .text("valid") && Self.field($0, "hcs") == .text("valid") })
        #expect(records.allSatisfy { $0.apdu?.bytes.first == 0x0F && $0.direction == .serverToClient })
        let kaifa = try #require(records.first)
        #expect(Self.field(kaifa, "destination") == .fields([.bytes("address", [0x01]), .integer("upper", 0)]))
        #expect(Self.field(kaifa, "control") == .bytes([0x10]))
        let kamstrup = try #require(records.last)
        #expect(Self.field(kamstrup, "frameType") == .text("UI"))
        #expect(Self.field(kamstrup, "source") == .fields([.bytes("address", [0x21]), .integer("upper", 16)]))
    }

    @Test func kaifaLoggerBlocksOneFrameEach() throws {
        let records = try Self.records("amstomqttbridge-roarfred/kaifa_han_20170912-3.log")
        // The log has 8 `Received` blocks, one frame each; block 3 is the 157-byte list 3. In 2017 the
        // meter wrote the notification's date-time as `09 0C` + 12 bytes (SOURCE.md), which is reported.
        #expect(records.count == 8)
        #expect(records.allSatisfy { $0.transport.kind == .hdlc && $0.findings.map(\.code) == [.dateTimeQuirk] })
        // Flags 2, format 2, addresses 1 + 2, control 1, HCS 2, FCS 2, LLC 3: 15 bytes around the APDU.
        #expect(records[2].apdu.map { $0.bytes.count + 15 } == 157)
    }

    @Test func aidonFrameOver512Bytes() throws {
        let records = try Self.records("dlms-cosem-u9n/norwegian_han_hdlc.hex")
        // SOURCE.md: line 1 a 581-byte frame (format A2 43), line 2 Kamstrup; both FCS/HCS OK.
        #expect(records.count == 2)
        #expect(Self.field(records[0], "format") == .bytes([0xA2, 0x43]))
        #expect(Self.field(records[0], "length") == .integer(579))
        #expect(records.allSatisfy { $0.findings.isEmpty && $0.apdu?.bytes.first == 0x0F })
    }

    @Test func landisGyrPushIsJoinedFromItsGBTBlocks() throws {
        let records = try Self.records("smartmeter-datacollector-scs/lg_e570__encrypted_valid_data.hex")
        // SOURCE.md: general-glo-ciphering in 5 GBT blocks (one per frame); all frames pass HCS and FCS;
        // system title 4C475A6774206295.
        #expect(records.count == 1)
        let message = try #require(records.first)
        #expect(message.apdu?.reassembly?.blocks == 5)
        #expect(message.packets.count == 5)
        #expect(message.apdu.map { Hex.encode($0.bytes.prefix(10)) } == "DB084C475A6774206295")
        // Without keys the envelope stays closed, which is said in an info finding.
        #expect(message.findings.allSatisfy { $0.code == .keyMissing && $0.severity == .info })
        #expect(message.direction == .serverToClient)
    }

    @Test func anIncompleteGBTTransferIsDroppedNotPassedOn() throws {
        // SOURCE.md: two consecutive messages, the first cut after block 2 (a new block 1 starts).
        let records = try Self.records("smartmeter-datacollector-scs/lg_e450__unencrypted_valid_data.hex")
        #expect(records.count == 2)
        #expect(records[0].apdu == nil && records[0].findings.map(\.code) == [.blockMissing])
        #expect(records[1].apdu?.reassembly?.blocks == 4)
        guard case let .dataNotification(notification)? = records[1].apdu?.apdu else {
            Issue.record("not a data-notification")
            return
        }
        // SOURCE.md (tests/test_lge450.py): source LGZ1030655933512.
        #expect(Hex.encode(notification.body.encoded).contains(Hex.encode(Array("LGZ1030655933512".utf8))))
    }

    @Test(arguments: [
        "austria-hdlc-encrypted/shrdzm_iskra_am550.hex", "austria-hdlc-encrypted/shrdzm_wels_siemens.hex",
        "austria-hdlc-encrypted/shrdzm_wienernetze_siemens_im350.hex",
    ])
    func austrianHDLCPushHandsOnTheCipheredAPDU(file: String) throws {
        let records = try Self.records(file)
        // SOURCE.md: HDLC format A0, UI control 0x13, LLC E6 E7 00, then general-glo-ciphering (DB) with the
        // meter's system title, one message per line.
        #expect(records.allSatisfy { $0.transport.kind == .hdlc && Self.field($0, "frameType") == .text("UI") })
        #expect(records.allSatisfy { $0.apdu.map { Array($0.bytes.prefix(2)) } == [0xDB, 0x08] })
        #expect(records.allSatisfy { $0.findings.allSatisfy { $0.code == .keyMissing && $0.severity == .info } })
    }

    @Test func austrianMBusMessageIsReassembledFromTwoFrames() throws {
        let records = try Self.records("austria-mbus-encrypted/tinetz_kaifa_ma309_example.mbus.hex")
        // SOURCE.md: two long frames, CI 00 then 11, STSAP 01, DTSAP 67, both checksums valid; the APDU is
        // general-glo-ciphering with system title 4B464D1010000023 (the source's doc quotes it whole).
        #expect(records.count == 1)
        let message = try #require(records.first)
        #expect(message.transport.kind == .mbus)
        #expect(message.packets == [2, 3])
        #expect(Self.field(message, "segments") == .integer(2))
        #expect(message.apdu.map { Hex.encode($0.bytes.prefix(10)) } == "DB084B464D1010000023")
        #expect(message.findings.allSatisfy { $0.code == .keyMissing && $0.severity == .info })
    }

    @Test func bareAPDUsOnePerLine() throws {
        // SOURCE.md: 14 lines `<module>:<constant> HEX`, each E6E700 + data-notification.
        let records = try Self.records("amshan-toreamun/llc_payloads.hex")
        #expect(records.count == 14)
        #expect(records.allSatisfy { $0.transport.kind == .raw && $0.apdu?.bytes.first == 0x0F })
        #expect(records.allSatisfy { Self.field($0, "llc") == .bytes([0xE6, 0xE7, 0x00]) && $0.direction == .serverToClient })
    }

    @Test func forcedFramingOverridesRecognition() throws {
        let records = try Self.records("austria-hdlc-encrypted/shrdzm_iskra_am550.plaintext.hex", transport: .raw)
        #expect(records.map(\.transport.kind) == [.raw])
        #expect(records.first?.apdu?.bytes.first == 0x0F)
    }

    @Test func textThatIsNoDLMSIsReportedNotDecoded() throws {
        // SOURCE.md: the Steiermark message decrypts to DSMR/P1 text, not to an APDU.
        let records = try Self.records("austria-hdlc-encrypted/shrdzm_steiermark_sagemcom_p1text.plaintext.hex")
        #expect(records.map(\.transport.kind) == [.none])
        #expect(records.first?.findings.map(\.code) == [.framingUnrecognized])
    }
}

/// A raw serial byte file (`--raw`) as a HAN-port logger writes it: the real
/// frames of ../shared/captures/amstomqttbridge-roarfred/frames.hex with line
/// noise between them must all come out, and the noise be reported.
@Suite struct RawSerialFramingTests {
    @Test func everyFrameSurvivesNoiseBetweenFrames() throws {
        let text = try String(contentsOfFile: Fixtures.shared("captures/amstomqttbridge-roarfred/frames.hex"), encoding: .utf8)
        let frames = text.split(separator: "\n").filter { !$0.hasPrefix("#") }
            .compactMap { $0.split(separator: " ").last.flatMap { Hex.decode($0) } }
        #expect(frames.count == 45)
        var generator = SplitMix64(seed: 7)
        var bytes: [UInt8] = []
        for (index, frame) in frames.enumerated() {
            // Noise without flags between some frames, idle flags between others.
            let noise = (0..<(index % 3 == 0 ? 5 + index % 7 : 0)).map { _ in UInt8(generator.next() % 0x7E) }
            bytes += noise + (index % 4 == 1 ? [0x7E, 0x7E] : []) + frame
        }
        let path = try Fixtures.temporaryDirectory().appendingPathComponent("han.bin").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let records = Array(try TraceDecoder(input: try InputFile(path: path), options: .init(capture: .init(raw: true))))
        let decoded = records.filter { $0.transport.kind == .hdlc }
        #expect(decoded.count == 45)
        // The 2017 Kaifa and Kamstrup date-time quirk is the only thing reported about them.
        #expect(decoded.allSatisfy { $0.findings.allSatisfy { $0.code == .dateTimeQuirk } })
        // Each frame's APDU runs from after its LLC header (E6 E7 00) to before the FCS and flag.
        for (record, frame) in zip(decoded, frames) {
            let text = Hex.encode(frame)
            let start = try #require(text.range(of: "E6E700")).upperBound
            #expect(record.apdu.map { Hex.encode($0.bytes) } == String(text[start...].dropLast(6)))
        }
        let noiseRuns = (0..<45).filter { $0 % 3 == 0 }.count
        #expect(records.filter { $0.findings.map(\.code) == [.frameGarbageSkipped] }.count == noiseRuns)
    }
}
