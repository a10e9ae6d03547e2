import DLMSCore
import DLMSFraming
import DLMSTestSupport
import Testing

/// Real HDLC traffic from the shared captures (see each folder's SOURCE.md)
/// and the Gurux reference frames, fed to the deframer one line per carrier.
@Suite struct HDLCCaptureTests {
    /// The information field of a flagged frame with a valid layout, taken
    /// from its bytes: after flag, format, addresses, control and HCS; before FCS and flag.
    static func information(_ frame: [UInt8]) -> [UInt8] {
        var index = 3
        for _ in 0..<2 {
            while index < frame.count, frame[index] & 1 == 0 { index += 1 }
            index += 1
        }
        return Array(frame[(index + 3)..<(frame.count - 3)])
    }

    static func lines(_ relative: String) throws -> [[UInt8]] {
        try HDLCTestData.hexLines(relative).map(\.bytes)
    }

    @Test func norwegianHANFramesFromKaifaAndKamstrup() throws {
        let lines = try HDLCTestData.hexLines("captures/amstomqttbridge-roarfred/frames.hex")
        #expect(lines.count == 45)
        let units = HDLCTestData.units(lines.map(\.bytes))
        try #require(units.count == 45)
        for (line, unit) in zip(lines, units) {
            #expect(unit.kind == .hdlc)
            #expect(unit.findings.isEmpty, "\(unit.findings)")
            #expect(HDLCTestData.value(unit.fields, "hcs") == .text("valid"))
            #expect(HDLCTestData.value(unit.fields, "fcs") == .text("valid"))
            #expect(HDLCTestData.value(unit.fields, "llc") == .bytes([0xE6, 0xE7, 0x00]))
            #expect(unit.apdu == Array(Self.information(line.bytes).dropFirst(3)))
            #expect(unit.apdu?.first == 0x0F)  // data-notification
            #expect(unit.direction == .serverToClient)
            if line.label == "kaifa" {
                #expect(HDLCTestData.value(unit.fields, "destination", "address") == .bytes([0x01]))
                #expect(HDLCTestData.value(unit.fields, "source", "address") == .bytes([0x02, 0x01]))
                #expect(HDLCTestData.value(unit.fields, "control") == .bytes([0x10]))
                #expect(HDLCTestData.value(unit.fields, "frameType") == .text("I"))
            } else {
                #expect(line.label == "kamstrup")
                #expect(HDLCTestData.value(unit.fields, "destination", "address") == .bytes([0x2B]))
                #expect(HDLCTestData.value(unit.fields, "source", "address") == .bytes([0x21]))
                #expect(HDLCTestData.value(unit.fields, "control") == .bytes([0x13]))
                #expect(HDLCTestData.value(unit.fields, "frameType") == .text("UI"))
            }
        }
    }

    @Test func aidonFrameOf579BytesAndKamstrupFrame() throws {
        let lines = try Self.lines("captures/dlms-cosem-u9n/norwegian_han_hdlc.hex")
        try #require(lines.count == 2)
        let units = HDLCTestData.units(lines)
        try #require(units.count == 2)
        #expect(lines[0].count == 581)
        #expect(HDLCTestData.value(units[0].fields, "format") == .bytes([0xA2, 0x43]))
        #expect(HDLCTestData.value(units[0].fields, "length") == .integer(579))
        #expect(HDLCTestData.value(units[0].fields, "destination", "upper") == .integer(32))
        #expect(HDLCTestData.value(units[0].fields, "source", "upper") == .integer(4))
        #expect(HDLCTestData.value(units[0].fields, "source", "lower") == .integer(65))
        for (line, unit) in zip(lines, units) {
            #expect(unit.findings.isEmpty)
            #expect(unit.apdu == Array(Self.information(line).dropFirst(3)))
            #expect(unit.apdu?.first == 0x0F)
        }
    }

    @Test func kamstrupFrameFromAmshan() throws {
        let lines = try Self.lines("captures/amshan-toreamun/kamstrup_hdlc_frame.hex")
        let units = HDLCTestData.units(lines)
        try #require(units.count == 1)
        #expect(units[0].findings.isEmpty)
        #expect(HDLCTestData.value(units[0].fields, "frameType") == .text("UI"))
        #expect(units[0].apdu == Array(Self.information(lines[0]).dropFirst(3)))
    }

    @Test(arguments: [
        "lg_e450__unencrypted_valid_data.hex", "lg_e450__unencrypted_valid_data1.hex",
        "lg_e450__unencrypted_valid_data_cfg2026.hex", "lg_e570__encrypted_valid_data.hex",
        "lg_e570__unencrypted_valid_data_cfg2026.hex",
    ])
    func landisGyrFramesEachCarryOneGeneralBlockTransferBlock(file: String) throws {
        let lines = try Self.lines("captures/smartmeter-datacollector-scs/" + file)
        let units = HDLCTestData.units(lines)
        try #require(units.count == lines.count)
        for (line, unit) in zip(lines, units) {
            #expect(unit.kind == .hdlc)
            #expect(unit.findings.isEmpty)
            let information = Self.information(line)
            let llc = LLCHeader(information[...])
            // Only a message's first block has the LLC header; GBT reassembly is not HDLC's.
            #expect(HDLCTestData.value(unit.fields, "llc") == (llc.map { .bytes($0.bytes) } ?? .null))
            #expect(HDLCTestData.value(unit.fields, "segments") == nil)
            #expect(unit.apdu == Array(information.dropFirst(llc == nil ? 0 : 3)))
            #expect(unit.apdu?.first == 0xE0)
            // Push from the meter: the LLC of the first block says so, and the link keeps it.
            #expect(unit.direction == .serverToClient)
        }
    }

    @Test(arguments: [
        "shrdzm_iskra_am550.hex", "shrdzm_wels_siemens.hex", "shrdzm_wienernetze_siemens_im350.hex",
    ])
    func austrianFramesHandOnTheCipheredAPDU(file: String) throws {
        let lines = try Self.lines("captures/austria-hdlc-encrypted/" + file)
        let units = HDLCTestData.units(lines)
        try #require(units.count == lines.count)
        for (line, unit) in zip(lines, units) {
            #expect(unit.findings.isEmpty)
            // The general-glo-ciphering APDU: from DB after E6 E7 00 up to the FCS.
            let llc = try #require(line.indices.first { Array(line[$0...].prefix(4)) == [0xE6, 0xE7, 0x00, 0xDB] })
            #expect(unit.apdu == Array(line[(llc + 3)..<(line.count - 3)]))
            #expect(unit.apdu?.first == 0xDB)
            #expect(unit.direction == .serverToClient)
        }
    }

    @Test func messageWithoutClosingFlagFollowedByATrailerIsReported() throws {
        // SOURCE.md describes an AM550 message whose FCS and closing flag are missing and
        // that is followed by a 96-byte trailer; that file is not in the shared folder,
        // so the same defect is made from the complete AM550 frame.
        let lines = try Self.lines("captures/austria-hdlc-encrypted/shrdzm_iskra_am550.hex")
        let frame = try #require(lines.first)
        var generator = SplitMix64(seed: 7)
        var trailer = (0..<96).map { _ in UInt8(truncatingIfNeeded: generator.next()) | 0x01 }
        trailer[40] = 0x7E  // a stray flag that opens nothing
        trailer[41] = 0xA5
        let stream = Array(frame.dropLast(3)) + trailer
        let units = HDLCTestData.units([stream])
        try #require(units.count == 2)
        let unit = units[0]
        #expect(unit.kind == .hdlc)
        #expect(HDLCTestData.codes(unit).sorted() == ["hdlc-fcs-invalid", "hdlc-length-mismatch"])
        #expect(HDLCTestData.value(unit.fields, "hcs") == .text("valid"))
        // The information is intact, so the ciphered APDU is still handed on for best-effort decryption.
        #expect(unit.apdu == Array(Self.information(frame).dropFirst(3)))
        #expect(unit.apdu?.first == 0xDB)
        // The two trailer bytes read as FCS belong to the frame; the other 94 less the flag are skipped.
        #expect(HDLCTestData.codes(units[1]) == ["frame-garbage-skipped"])
        #expect(units[1].findings.first?.message.hasPrefix("93 bytes skipped") == true)
        #expect(units[1].findings.first?.offset == frame.count - 3 + 2)
    }

    @Test func guruxSegmentedResponseIsReassembled() throws {
        // Case 64: four I-frames (A8, A8, A8, A0) carrying case 14's get-response.
        let frames = try Self.lines("reference/gurux/64_hdlc_segmented_response.hex")
        let apdus = try Self.lines("reference/gurux/14_get_response_array100.hex")
        let apdu = try #require(apdus.first)
        try #require(frames.count == 4)
        let units = HDLCTestData.units(frames)
        try #require(units.count == 1)
        let unit = units[0]
        #expect(unit.apdu == apdu)
        #expect(unit.carriers.map(\.packet) == [1, 2, 3, 4])
        #expect(unit.findings.isEmpty)
        #expect(HDLCTestData.value(unit.fields, "format") == .bytes([0xA0, 0x87]))
        #expect(HDLCTestData.value(unit.fields, "segmented") == .boolean(false))
        #expect(HDLCTestData.value(unit.fields, "llc") == .bytes([0xE6, 0xE7, 0x00]))
        #expect(HDLCTestData.value(unit.fields, "segments") == .integer(4))
        #expect(unit.direction == .serverToClient)
        #expect(DeframerHarness.chunkingDifferences(HDLCDeframer.init, frames.flatMap { $0 }).isEmpty)
    }

    @Test func guruxFrameWithBadFCSIsDecodedAndMarked() throws {
        // Case 79: case 62 (get-request, case 09) with the FCS zeroed.
        let frame = try Self.lines("reference/gurux/79_hdlc_bad_fcs.hex")
        let apdus = try Self.lines("reference/gurux/09_get_request_normal.hex")
        let apdu = try #require(apdus.first)
        let units = HDLCTestData.units(frame)
        try #require(units.count == 1)
        #expect(HDLCTestData.codes(units[0]) == ["hdlc-fcs-invalid"])
        #expect(HDLCTestData.value(units[0].fields, "fcs") == .text("invalid"))
        #expect(units[0].apdu == apdu)
    }

    @Test func guruxTwoFramesOnOneLine() throws {
        // Case 84: request then response back to back, each with its own flags.
        let lines = try Self.lines("reference/gurux/84_hdlc_two_frames_one_line.hex")
        let units = HDLCTestData.units(lines)
        #expect(units.map(\.direction) == [.clientToServer, .serverToClient])
        #expect(units.map { $0.apdu?.first } == [0xC0, 0xC4])
        #expect(units.allSatisfy { $0.findings.isEmpty })
    }

    /// HDLC datagrams 1-40 of andrebdo_sample.pcap (UDP, one frame per datagram), obtained with
    /// `tshark -r captures/wireshark-dlms-plugin-pcaps/andrebdo_sample.pcap -Y 'frame.number<=40'
    /// -T fields -e data.data`.
    static let andrebdoFrames: [String] = [
        "7EA0070303938C117E",
        "7EA01E03037340CC818012050180060180070400000001080400000001533B7E",
        "7EA0440303106594E6E6006036A1090607608574050801018A0207808B0760857405080201AC0A80083031323334353637BE10040E01000000065F1F0400007E1F00800BDB7E",
        "7EA037030330EFCAE6E7006129A109060760857405080101A203020100A305A103020100BE10040E0800065F1F040000181D007D000751B37E",
        "7EA0190321DC1FD6E6E600C001C1000F0000280000FF0700292D7E",
        "7EA0112103FCC5B4E6E700C401C1010373827E",
        "7EA0190303BAACC0E6E600C001C100070000620101FF0300A3097E",
        "7EA8890303DA4517E6E700C402C10000000001008180013C020412000809060000010000FF0F02120000020412000309060100010800FF0F02120000020412000309060100010801FF0F02120000020412000309060100010802FF0F02120000020412000309060100010803FF0F02120000020412000309060100010804FF0F02120000020412009D2B7E",
        "7EA0070303D19A707E",
        "7EA0170303DCDE680309060100010805FF0F0212000061587E",
        "7EA0130303FC303BE6E600C002C10000000151BE7E",
        "7EA8890303FE6370E6E700C402C10000000002007E020412000309060100010806FF0F0212000002041200030906010001080AFF0F02120000020412000309060100020800FF0F02120000020412000309060100020801FF0F02120000020412000309060100020802FF0F02120000020412000309060100020803FF0F0212000002041200030906B3B27E",
        "7EA00703031196B67E",
        "7EA0140303F07DA60100020804FF0F02120000C7DD7E",
        "7EA01303033E2EDEE6E600C002C100000002CA8C7E",
        "7EA889030312015DE6E700C402C10000000003007E020412000309060100020805FF0F02120000020412000309060100020806FF0F0212000002041200030906010002080AFF0F02120000020412000309060100050800FF0F02120000020412000309060100050801FF0F02120000020412000309060100050802FF0F02120000020412000309061D107E",
        "7EA00703035192F47E",
        "7EA01403031457070100050803FF0F021200003DF37E",
        "7EA0130303705475E6E600C002C100000003439D7E",
        "7EA889030336273AE6E700C402C10000000004007E020412000309060100050804FF0F02120000020412000309060100050805FF0F02120000020412000309060100050806FF0F0212000002041200030906010005080AFF0F02120000020412000309060100060800FF0F02120000020412000309060100060801FF0F0212000002041200030906C08A7E",
        "7EA0070303919E327E",
        "7EA01403033839EC0100060802FF0F02120000EFBA7E",
        "7EA0130303B24A90E6E600C002C100000004FCE97E",
        "7EA88903035A4D93E6E700C402C10000000005007E020412000309060100060803FF0F02120000020412000309060100060804FF0F02120000020412000309060100060805FF0F02120000020412000309060100060806FF0F0212000002041200030906010006080AFF0F02120000020412000309060100070800FF0F0212000002041200030906D5FE7E",
        "7EA0070303D19A707E",
        "7EA01403035C1BC90100070801FF0F021200007C5F7E",
        "7EA0130303F478B7E6E600C002C10000000575F87E",
        "7EA88903037E6BF4E6E700C402C10000000006007E020412000309060100070802FF0F02120000020412000309060100070803FF0F02120000020412000309060100070804FF0F02120000020412000309060100070805FF0F02120000020412000309060100070806FF0F0212000002041200030906010007080AFF0F02120000020412000309061C9D7E",
        "7EA00703031196B67E",
        "7EA01403037075220100080800FF0F0212000081567E",
        "7EA0130303366652E6E600C002C100000006EECA7E",
        "7EA88903039209D9E6E700C402C10000000007007E020412000309060100080801FF0F02120000020412000309060100080802FF0F02120000020412000309060100080803FF0F02120000020412000309060100080804FF0F021200000204120003090600015E233EFF0F021200000204120003090600015E233FFF0F02120000020412000309066A7A7E",
        "7EA00703035192F47E",
        "7EA0140303945F83010008080AFF0F02120000D6BF7E",
        "7EA0130303781CF9E6E600C002C10000000767DB7E",
        "7EA8890303B62FBEE6E700C402C10000000008007E020412000409060100010601FF0F02120000020412000409060100010601FF0F05120000020412000409060100010602FF0F02120000020412000409060100010602FF0F05120000020412000409060100010603FF0F02120000020412000409060100010603FF0F0512000002041200040906154E7E",
        "7EA0070303919E327E",
        "7EA0140303B831680100010604FF0F02120000CD3B7E",
        "7EA0130303BA021CE6E600C002C10000000890237E",
        "7EA05E0303DA3CE2E6E700C402C101000000090048020412000409060100010604FF0F05120000020412000409060100010605FF0F02120000020412000409060100010605FF0F05120000020412000409060100010606FF0F02120000DB1B7E",
    ]

    @Test func andrebdoSessionWithSegmentedDatablocks() throws {
        let frames = Self.andrebdoFrames.compactMap { Hex.decode($0) }
        try #require(frames.count == 40)
        let units = HDLCTestData.units(frames, datagrams: true)
        // 8 responses each span an A8 89 frame and a continuation two datagrams later (an RR between).
        try #require(units.count == 32)
        let joined = units.filter { HDLCTestData.value($0.fields, "segments") != nil }
        let pairs = stride(from: 8, through: 36, by: 4).map { [$0, $0 + 2] }
        #expect(joined.map { $0.carriers.map { $0.packet } } == pairs)
        for unit in joined {
            let first = frames[unit.carriers[0].packet - 1]
            let last = frames[unit.carriers[1].packet - 1]
            #expect(Array(first.prefix(3)) == [0x7E, 0xA8, 0x89])
            #expect(unit.apdu == Array(Self.information(first).dropFirst(3)) + Self.information(last))
            #expect(unit.apdu.map { Array($0.prefix(2)) } == [0xC4, 0x02])  // get-response with-datablock
            #expect(HDLCTestData.value(unit.fields, "segments") == .integer(2))
            #expect(unit.direction == Direction.serverToClient)
        }
        // Only the AARQ (datagram 3) fails its FCS.
        let flagged = units.filter { !$0.findings.isEmpty }
        #expect(flagged.map { $0.carriers.map { $0.packet } } == [[3]])
        #expect(flagged.first.map(HDLCTestData.codes) == ["hdlc-fcs-invalid"])
        #expect(units.first.flatMap { HDLCTestData.value($0.fields, "frameType") } == .text("SNRM"))
    }
}
