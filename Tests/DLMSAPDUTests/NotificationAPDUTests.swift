import DLMSAPDU
import DLMSCore
import DLMSTestSupport
import Foundation
import Testing

/// Data-Notification and EventNotificationRequest: the vectors (g10, a10),
/// the Gurux reference inputs (26-28), and every data-notification of the
/// real captures in ../shared/captures, checked against the values their
/// SOURCE.md files state.
@Suite struct NotificationAPDUTests {
    // MARK: Vectors and reference cases

    @Test func vectorG10OctetStringBody() throws {
        let notification = try LNTest.decodeExactly(DataNotification.self, try LNTest.vectorHex("g10"))
        #expect(notification.longInvokeIdAndPriority.rawValue == 0x0000_01DB)
        #expect(notification.dateTime.isEmpty && notification.dateTimeEncoding == .octetString(length: .canonical))
        #expect(notification.body.octetString == (try LNTest.hex("125A8591360000000049000000110000000A5A8513D014800000000D0000000A0100")))
    }

    @Test func guruxCase26WithDateTime() throws {
        let notification = try LNTest.decodeExactly(DataNotification.self, try GuruxCase.apdu("26_data_notification"))
        // cases.md: long-invoke-id 1, date-time present, body {push id OBIS, serial number, energy, clock}.
        #expect(notification.longInvokeIdAndPriority.invokeId == 1)
        #expect(notification.cosemDateTime?.rfc3339 == "2024-03-15T15:00:00+01:00")
        let members = try #require(notification.body.elements)
        #expect(members.count == 4)
        #expect(members[0].octetString == [0, 0, 25, 9, 0, 255])
        #expect(members[1].text == "GRX0001234")
        #expect(members[2] == .doubleLongUnsigned(123_456))
    }

    @Test func guruxCase27WithoutDateTime() throws {
        let notification = try LNTest.decodeExactly(DataNotification.self, try GuruxCase.apdu("27_data_notification_no_time"))
        // cases.md: long-invoke-id 0x4000002A (confirmed, id 42), empty date-time, array of 3 long-unsigned.
        let invoke = notification.longInvokeIdAndPriority
        #expect(invoke.rawValue == 0x4000_002A && invoke.invokeId == 42 && invoke.confirmed && !invoke.highPriority)
        #expect(!invoke.selfDescriptive && !invoke.breakOnError)
        #expect(notification.dateTime.isEmpty)
        #expect(notification.body == .array([.longUnsigned(230), .longUnsigned(231), .longUnsigned(229)]))
    }

    @Test func guruxCase28EventNotification() throws {
        let event = try LNTest.decodeExactly(EventNotificationRequest.self, try GuruxCase.apdu("28_event_notification"))
        // cases.md: with time, class 1 0.0.96.11.0.255 attribute 2, value unsigned 42.
        #expect(event.attribute == CosemAttributeDescriptor(classId: 1, instance: OBISCode(0, 0, 96, 11, 0), attributeId: 2))
        #expect(event.value == .unsigned(42))
        #expect(event.dateTime?.rfc3339 == "2024-03-15T16:45:00+01:00")
    }

    @Test func eventNotificationWithoutTime() throws {
        let event = try LNTest.decodeExactly(EventNotificationRequest.self, try LNTest.hex("C2000001000060030AFF0216 01"))
        #expect(event.time == nil && event.value == .enum(1))
        #expect(event.attribute.classId == 1)
    }

    @Test func builtInCodeRoundTrips() throws {
        let attribute = CosemAttributeDescriptor(classId: 1, instance: OBISCode(0, 0, 96, 11, 0), attributeId: 2)
        try LNTest.expectRoundTrip(EventNotificationRequest(attribute: attribute, value: .unsigned(1)))
        try LNTest.expectRoundTrip(EventNotificationRequest(time: COSEMDateTime(year: 2024).encoded, attribute: attribute, value: .nullData))
        try LNTest.expectRoundTrip(EventNotificationRequest(
            time: COSEMDateTime(year: 2024, month: 1, dayOfMonth: 2).encoded, attribute: attribute, value: .nullData,
            timeLength: .long(byteCount: 1)
        ))
        // A time that is not 12 bytes decodes, with a note, and is written back as it came.
        let short = EventNotificationRequest(time: [1, 2, 3, 4], attribute: attribute, value: .nullData)
        let decoded = try LNTest.decode(EventNotificationRequest.self, LNTest.encoded(short))
        #expect(decoded.value == short && decoded.findings.map(\.code) == [.dateTimeQuirk])
        let invoke = LongInvokeIdAndPriority(rawValue: 0xF0FF_FFFF)
        try LNTest.expectRoundTrip(DataNotification(longInvokeIdAndPriority: invoke, body: .structure([])))
        try LNTest.expectRoundTrip(DataNotification(longInvokeIdAndPriority: invoke, dateTime: COSEMDateTime(year: 2030).encoded, body: .nullData))
    }

    @Test func theSeventeenKaifaAndKamstrupQuirkRoundTrips() throws {
        let notification = DataNotification(
            longInvokeIdAndPriority: LongInvokeIdAndPriority(rawValue: 0x4000_0000),
            dateTime: COSEMDateTime(year: 2017, month: 9, dayOfMonth: 15).encoded, body: .structure([.doubleLongUnsigned(1)]),
            dateTimeEncoding: .dataOctetString
        )
        let bytes = LNTest.encoded(notification)
        #expect(bytes[5] == 0x09 && bytes[6] == 0x0C)
        let decoded = try LNTest.decode(DataNotification.self, bytes)
        #expect(decoded.value == notification)
        #expect(decoded.findings.map(\.code) == [.dateTimeQuirk])
        #expect(decoded.findings.first?.offset == 5)
    }

    // MARK: Real captures

    /// Data-notifications of the 2017 Kaifa and Kamstrup HAN logs (HDLC frames, `09 0C` date-time quirk).
    @Test func roarfredFramesAllDecodeWithTheQuirkNoted() throws {
        let lines = try LNTest.hexLines("captures/amstomqttbridge-roarfred/frames.hex")
        #expect(lines.count == 45)
        for line in lines {
            let parts = line.split(separator: " ")
            let frame = try LNTest.hex(String(try #require(parts.last)))
            let apdu = try LNTest.hdlcPayload(frame)
            let decoded = try LNTest.decode(DataNotification.self, apdu)
            #expect(decoded.trailingCount == 0)
            #expect(LNTest.encoded(decoded.value) == apdu)
            #expect(decoded.value.dateTimeEncoding == .dataOctetString)
            #expect(decoded.findings.map(\.code) == [.dateTimeQuirk])
            #expect(decoded.value.cosemDateTime?.year == 2017)
        }
    }

    @Test func roarfredKaifaListsAndKamstrupValues() throws {
        let lines = try LNTest.hexLines("captures/amstomqttbridge-roarfred/frames.hex")
        var notifications: [(meter: Substring, value: DataNotification)] = []
        for line in lines {
            let parts = line.split(separator: " ")
            let apdu = try LNTest.hdlcPayload(try LNTest.hex(String(try #require(parts.last))))
            notifications.append((try #require(parts.first), try LNTest.decode(DataNotification.self, apdu).value))
        }
        // SOURCE.md: Kaifa long-invoke-id 40000000, Kamstrup 00000000.
        #expect(notifications.allSatisfy { ($0.meter == "kaifa" ? 0x4000_0000 : 0) == $0.value.longInvokeIdAndPriority.rawValue })
        // Kaifa list 2: 13 elements, KFM_001, meter id 6970631401753985, type MA304H3E.
        let list2 = try #require(notifications.first { $0.meter == "kaifa" && $0.value.body.elements?.count == 13 })
        let members = try #require(list2.value.body.elements)
        #expect(members[0].octetString.map { String(decoding: $0, as: UTF8.self) } == "KFM_001")
        #expect(members[1].octetString.map { String(decoding: $0, as: UTF8.self) } == "6970631401753985")
        #expect(members[2].octetString.map { String(decoding: $0, as: UTF8.self) } == "MA304H3E")
        // Kamstrup: OBIS codes and values alternate; SOURCE.md gives the first frame's values.
        let kamstrup = try #require(notifications.first { $0.meter == "kamstrup" })
        let pairs = try #require(kamstrup.value.body.elements)
        func value(_ obis: OBISCode) -> DLMSData? {
            guard let index = pairs.firstIndex(where: { $0.octetString == obis.bytes }), index + 1 < pairs.count else { return nil }
            return pairs[index + 1]
        }
        #expect(pairs.first?.text == "Kamstrup_V0001")
        #expect(value(OBISCode(1, 1, 0, 0, 5))?.text == "5706567274389702")
        #expect(value(OBISCode(1, 1, 96, 1, 1))?.text == "6841121BN243101040")
        #expect(value(OBISCode(1, 1, 1, 7, 0)) == .doubleLongUnsigned(1468))
        #expect(value(OBISCode(1, 1, 4, 7, 0)) == .doubleLongUnsigned(462))
        #expect(value(OBISCode(1, 1, 31, 7, 0)) == .doubleLongUnsigned(0x234))
        #expect(value(OBISCode(1, 1, 32, 7, 0)) == .longUnsigned(232))
        #expect(value(OBISCode(1, 1, 52, 7, 0)) == .longUnsigned(228))
        #expect(value(OBISCode(1, 1, 72, 7, 0)) == .longUnsigned(233))
    }

    @Test func kaifaLoggerBlocks() throws {
        // kaifa_han_20170912-3.log: 8 logger blocks, one frame each; the hex of a block follows its header.
        let text = try String(contentsOfFile: Fixtures.shared("captures/amstomqttbridge-roarfred/kaifa_han_20170912-3.log"), encoding: .utf8)
        let blocks = text.components(separatedBy: "[").dropFirst().map { block in
            block.split(separator: "\n").dropFirst().joined(separator: " ")
        }
        #expect(blocks.count == 8)
        for block in blocks {
            let apdu = try LNTest.hdlcPayload(try LNTest.hex(block))
            let decoded = try LNTest.decode(DataNotification.self, apdu)
            #expect(decoded.trailingCount == 0 && LNTest.encoded(decoded.value) == apdu)
            #expect(decoded.findings.map(\.code) == [.dateTimeQuirk])
        }
    }

    /// amshan-toreamun's LLC payloads (E6E700 + data-notification).
    static func amshanPayload(_ name: String) throws -> DataNotification {
        let line = try #require(try LNTest.hexLines("captures/amshan-toreamun/llc_payloads.hex").first { $0.hasPrefix(name + " ") })
        var bytes = try LNTest.hex(String(try #require(line.split(separator: " ").last)))
        #expect(bytes.starts(with: [0xE6, 0xE7, 0x00]))
        bytes.removeFirst(3)
        return try LNTest.decodeExactly(DataNotification.self, bytes)
    }

    @Test func everyAmshanPayloadDecodesAndRoundTrips() throws {
        let lines = try LNTest.hexLines("captures/amshan-toreamun/llc_payloads.hex")
        #expect(lines.count == 14)
        for line in lines {
            let name = String(try #require(line.split(separator: " ").first))
            let notification = try Self.amshanPayload(name)
            #expect(notification.body.elements != nil, "\(name)")
        }
    }

    @Test func amshanKaifaLists() throws {
        // SOURCE.md: kaifa:no_list_1 2019-02-04 23:52:22, one element 5852 W; kaifa:no_list_2 13 elements.
        let list1 = try Self.amshanPayload("kaifa:no_list_1")
        #expect(LNTest.civil(list1.cosemDateTime) == "2019-02-04 23:52:22")
        #expect(list1.body == .structure([.doubleLongUnsigned(5852)]))
        let list2 = try Self.amshanPayload("kaifa:no_list_2")
        let members = try #require(list2.body.elements)
        #expect(members.count == 13)
        #expect(members[0].octetString.map { String(decoding: $0, as: UTF8.self) } == "KFM_001")
        #expect(members[1].octetString.map { String(decoding: $0, as: UTF8.self) } == "6970631402614476")
        #expect(members[2].octetString.map { String(decoding: $0, as: UTF8.self) } == "MA304H3E")
        #expect(Array(members[3...10]) == [9745, 0, 0, 435, 33813, 28103, 18178, 2168].map { DLMSData.doubleLongUnsigned($0) })
        // kaifa:se_list: Swedish list with OBIS codes, date-time absent, structure of 0x24 elements.
        let swedish = try Self.amshanPayload("kaifa:se_list")
        #expect(swedish.dateTime.isEmpty && swedish.body.elements?.count == 0x24)
    }

    @Test func amshanAidonActivePowerWithScalerAndUnit() throws {
        // SOURCE.md: 1.0.1.7.0.255 = 0x118 = 280 W with scaler/unit {0, 27 (W)}.
        let list1 = try Self.amshanPayload("aidon:no_list_1")
        let entry = try #require(list1.body.elements?.first)
        #expect(entry == .structure([
            .octetString([1, 0, 1, 7, 0, 255]), .doubleLongUnsigned(280), .structure([.integer(0), .enum(27)]),
        ]))
        let list2 = try Self.amshanPayload("aidon:no_list_2")
        let version = try #require(list2.body.elements?.first?.elements)
        #expect(version == [.octetString([1, 1, 0, 2, 129, 255]), .visibleString("AIDON_V0001")])
        let swedish = try Self.amshanPayload("aidon:se_list")
        // 0.0.1.0.0.255 = 2019-12-16 07:59:40.
        let clock = try #require(swedish.body.elements?.first?.elements?.last?.dateTimeValue)
        #expect(LNTest.civil(clock) == "2019-12-16 07:59:40")
    }

    @Test func amshanKamstrupRealSample() throws {
        // SOURCE.md: se_list_real_sample 2022-01-24 18:58:50, Kamstrup_V0001, P+ 0x33A = 826 W.
        let sample = try Self.amshanPayload("kamstrup:se_list_real_sample")
        #expect(LNTest.civil(sample.cosemDateTime) == "2022-01-24 18:58:50")
        let pairs = try #require(sample.body.elements)
        #expect(pairs.first?.text == "Kamstrup_V0001")
        let power = try #require(pairs.firstIndex { $0.octetString == [1, 1, 1, 7, 0, 255] })
        #expect(pairs[power + 1] == .doubleLongUnsigned(826))
        // no_list_2_single_phase_real_sample: meter clock 0.1.1.0.0.255 = 2021-11-24 00:00:25, A+ 0x00762EE2.
        let list2 = try Self.amshanPayload("kamstrup:no_list_2_single_phase_real_sample")
        let items = try #require(list2.body.elements)
        let clockIndex = try #require(items.firstIndex { $0.octetString == [0, 1, 1, 0, 0, 255] })
        let clock = try #require(items[clockIndex + 1].dateTimeValue)
        #expect(LNTest.civil(clock) == "2021-11-24 00:00:25")
        #expect(items.contains(.doubleLongUnsigned(0x0076_2EE2)))
    }

    @Test func kamstrupAndAidonHDLCFrames() throws {
        // norwegian_han_hdlc.hex: line 1 Aidon (581-byte frame), line 2 Kamstrup 2022-01-24 18:58:50.
        let lines = try LNTest.hexLines("captures/dlms-cosem-u9n/norwegian_han_hdlc.hex")
        let aidon = try LNTest.decodeExactly(DataNotification.self, try LNTest.hdlcPayload(try LNTest.hex(lines[0])))
        // SOURCE.md: 1.0.1.7.0.255 = 1122 W, U1..3 = 2307/2499/2308 (scaler -1 V), 1.0.1.8.0.255 = 10049926 Wh.
        func entry(_ obis: OBISCode) -> [DLMSData]? {
            aidon.body.elements?.first { $0.elements?.first?.octetString == obis.bytes }?.elements
        }
        #expect(entry(OBISCode(1, 0, 1, 7, 0))?[1] == .doubleLongUnsigned(1122))
        #expect(entry(OBISCode(1, 0, 32, 7, 0))?[1] == .longUnsigned(2307))
        #expect(entry(OBISCode(1, 0, 32, 7, 0))?[2] == .structure([.integer(-1), .enum(35)]))
        #expect(entry(OBISCode(1, 0, 52, 7, 0))?[1] == .longUnsigned(2499))
        #expect(entry(OBISCode(1, 0, 72, 7, 0))?[1] == .longUnsigned(2308))
        #expect(entry(OBISCode(1, 0, 1, 8, 0))?[1] == .doubleLongUnsigned(10_049_926))
        let kamstrup = try LNTest.decodeExactly(DataNotification.self, try LNTest.hdlcPayload(try LNTest.hex(lines[1])))
        #expect(LNTest.civil(kamstrup.cosemDateTime) == "2022-01-24 18:58:50")
        #expect(kamstrup.body.elements?.contains(.visibleString("5706567326590407")) == true)
        let frame = try LNTest.hexLines("captures/amshan-toreamun/kamstrup_hdlc_frame.hex")
        #expect(try LNTest.hdlcPayload(try LNTest.hex(frame[0])) == (try LNTest.hdlcPayload(try LNTest.hex(lines[1]))))
        // The same Aidon frame is the u9n UI-frame vector.
        let ui = try LNTest.dataFile("u9n_hdlc_ui_frame_push.hex")
        #expect(try LNTest.hdlcPayload(ui) == (try LNTest.hdlcPayload(try LNTest.hex(lines[0]))))
    }

    @Test func tinetzKaifaPlaintext() throws {
        let bytes = try LNTest.hex(try LNTest.hexLines("captures/austria-mbus-encrypted/tinetz_kaifa_ma309_example.plaintext.hex")[0])
        let notification = try LNTest.decodeExactly(DataNotification.self, bytes)
        // SOURCE.md: invoke-id 0x0029B2DC, 2021-07-19 15:46:35, 1.0.32.7.0.255 = 2308 (scaler -1, V).
        #expect(notification.longInvokeIdAndPriority.rawValue == 0x0029_B2DC)
        #expect(LNTest.civil(notification.cosemDateTime) == "2021-07-19 15:46:35")
        let entries = try #require(notification.body.elements)
        let voltage = try #require(entries.first { $0.elements?.first?.octetString == [1, 0, 32, 7, 0, 255] }?.elements)
        #expect(voltage[1] == .longUnsigned(2308))
        #expect(voltage[2] == .structure([.integer(-1), .enum(35)]))
        let identifier = try #require(entries.first { $0.elements?.first?.octetString == [0, 0, 96, 1, 0, 255] }?.elements)
        #expect(identifier[1].printableText == "1KFM0100000035")
        let energy = try #require(entries.first { $0.elements?.first?.octetString == [1, 0, 1, 8, 0, 255] }?.elements)
        #expect(energy[1] == .doubleLongUnsigned(9108))
    }

    @Test func austrianHDLCPlaintexts() throws {
        // SOURCE.md (austria-hdlc-encrypted): first values and date-times per meter.
        let expectations: [(file: String, dateTime: String, first: UInt32)] = [
            ("shrdzm_iskra_am550", "2021-03-25 19:01:14", 9_534_290),
            ("shrdzm_wels_siemens", "2021-05-19 10:08:23", 3_531_997),
            ("shrdzm_wienernetze_siemens_im350", "2021-03-07 14:55:33", 2_946_830),
        ]
        for expectation in expectations {
            let lines = try LNTest.hexLines("captures/austria-hdlc-encrypted/\(expectation.file).plaintext.hex")
            for (index, line) in lines.enumerated() {
                let notification = try LNTest.decodeExactly(DataNotification.self, try LNTest.hex(line))
                let members = try #require(notification.body.elements)
                if index == 0 {
                    let dateTime = try #require(notification.cosemDateTime)
                    #expect(LNTest.civil(dateTime) == expectation.dateTime, "\(expectation.file)")
                    #expect(members.contains(.doubleLongUnsigned(expectation.first)), "\(expectation.file)")
                }
            }
        }
    }

    @Test func landisGyrE570Plaintext() throws {
        let bytes = try LNTest.hex(try LNTest.hexLines("captures/smartmeter-datacollector-scs/lg_e570__encrypted_valid_data.plaintext.hex")[0])
        let notification = try LNTest.decodeExactly(DataNotification.self, bytes)
        // SOURCE.md: long-invoke-id 9336, 2024-03-13 09:02:45, source LGZ1030769231253.
        #expect(notification.longInvokeIdAndPriority.invokeId == 9336)
        #expect(LNTest.civil(notification.cosemDateTime) == "2024-03-13 09:02:45")
        #expect(notification.body.elements?.contains(.octetString(Array("LGZ1030769231253".utf8))) == true)
    }

    @Test func vectorA10GeneralGloCipheringPlaintext() throws {
        let expected = try DataVectors.expected(of: try DataVectors.vector("a10"))
        let plaintext = try LNTest.hex(try #require(expected["plaintext_apdu"] as? String))
        let notification = try LNTest.decodeExactly(DataNotification.self, plaintext)
        #expect(notification.longInvokeIdAndPriority.rawValue == 0x1DB && notification.dateTime.isEmpty)
    }

    // MARK: Hostile inputs

    static let samples = [
        "0F000000010C07E8030F050F000000FFC400020409060000190900FF0A0A47525830303031323334060001E240090C07E8030F050F000000FFC400",
        "0F4000002A0001031200E61200E71200E5",
        "C2010C07E8030F05102D0000FFC40000010000600B00FF02112A",
    ]

    @Test(arguments: samples)
    func everyCutShortNotificationFails(hex: String) throws {
        let bytes = try LNTest.hex(hex)
        if bytes[0] == 0x0F {
            LNTest.expectEveryPrefixFails(DataNotification.self, bytes)
            LNTest.expectMutationsAreSafe(DataNotification.self, bytes)
        } else {
            LNTest.expectEveryPrefixFails(EventNotificationRequest.self, bytes)
            LNTest.expectMutationsAreSafe(EventNotificationRequest.self, bytes)
        }
    }

    @Test func theQuirkSampleIsSafeUnderMutation() throws {
        // Cut short, `09 0C ...` can be a 9-byte date-time followed by a shorter body: some prefixes of
        // the quirk sample are other, well-formed APDUs, so only mutations are checked here.
        LNTest.expectMutationsAreSafe(DataNotification.self, try LNTest.hex("0F40000000090C07E1090F05043316FF80000002010600000E2F"))
    }

    @Test func hostileNotifications() throws {
        LNTest.expectFailure(DataNotification.self, try LNTest.hex("0F0000000184FFFFFFFF00"), at: 5)  // date-time length 2^32-1
        LNTest.expectFailure(DataNotification.self, try LNTest.hex("0F00000001090C07E1"), at: 5)  // 09 0C with 2 bytes: a 9-byte octet string, cut
        LNTest.expectFailure(EventNotificationRequest.self, try LNTest.hex("C2020C"), at: 1)  // presence flag 02
        LNTest.expectFailure(DataNotification.self, try LNTest.hex("C4"), at: 0)
        // A date-time that is neither empty nor 12 bytes decodes, with a note.
        let decoded = try LNTest.decode(DataNotification.self, try LNTest.hex("0F00000001050102030405 00"))
        #expect(decoded.value.dateTime == [1, 2, 3, 4, 5] && decoded.findings.map(\.code) == [.dateTimeQuirk])
    }
}
