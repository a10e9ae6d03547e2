import DLMSAPDU
import DLMSCore
import DLMSOutput
import DLMSTestSupport
import Foundation
import Testing

/// Data-Notification and EventNotificationRequest as XML (Gurux reference
/// cases 26-28) and JSON, with the annotations a HAN push needs.
@Suite struct NotificationPresentationTests {
    @Test(arguments: ["26_data_notification", "27_data_notification_no_time", "28_event_notification"])
    func elementEqualsGurux(name: String) throws {
        let apdu = try LNPresentation.decode(try LNPresentation.input(name))
        #expect(try LNPresentation.tree(apdu) == (try LNPresentation.gurux(name)))
    }

    @Test func dataNotificationJSONShowsEveryBitAndTheDateTime() throws {
        let apdu = try LNPresentation.decode(try LNPresentation.input("26_data_notification"))
        let json = try LNPresentation.json(apdu)
        #expect(json["type"] as? String == "data-notification" && json["variant"] == nil)
        #expect(json["longInvokeIdAndPriority"] as? String == "00000001" && json["invokeId"] as? Int == 1)
        #expect(json["priority"] as? String == "normal" && json["serviceClass"] as? String == "unconfirmed")
        #expect(json["processingOption"] as? String == "continue-on-error" && json["selfDescriptive"] as? Bool == false)
        #expect(json["dateTimeBytes"] as? String == "07E8030F050F000000FFC400")
        #expect(json["dateTime"] as? String == "2024-03-15T15:00:00+01:00")
        let members = try #require((json["body"] as? [String: Any])?["value"] as? [[String: Any]])
        #expect(members[0]["obis"] as? String == "0.0.25.9.0.255")
        #expect(members[3]["dateTime"] as? String == "2024-03-15T15:00:00+01:00")
        #expect(LNPresentation.comments(apdu).contains("2024-03-15T15:00:00+01:00"))
        // Case 27: 4000002A is confirmed, id 42; no date-time.
        let noTime = try LNPresentation.json(try LNPresentation.decode(try LNPresentation.input("27_data_notification_no_time")))
        #expect(noTime["serviceClass"] as? String == "confirmed" && noTime["invokeId"] as? Int == 42)
        #expect(noTime["dateTime"] == nil && noTime["dateTimeBytes"] == nil)
        let all = try LNPresentation.json(try LNPresentation.decode(try LNPresentation.hex("0FFF0000010000")))
        #expect(all["priority"] as? String == "high" && all["processingOption"] as? String == "break-on-error")
        #expect(all["selfDescriptive"] as? Bool == true && all["reservedBits"] as? Int == 15)
    }

    @Test func theDateTimeQuirkIsShownAndFlagged() throws {
        // roarfred Kaifa list 1: 09 0C + 2017-09-15 04:51:22, deviation not specified.
        let apdu = try LNPresentation.decode(try LNPresentation.hex("0F40000000090C07E1090F05043316FF80000002010600000E2F"))
        let json = try LNPresentation.json(apdu)
        #expect(json["dateTimeQuirk"] as? Bool == true)
        #expect(json["dateTime"] as? String == "2017-09-15T04:51:22")
        let tree = try LNPresentation.tree(apdu)
        #expect(LNPresentation.element(tree, "DateTime") == .element("DateTime", attributes: ["Value": "07E1090F05043316FF800000"], children: []))
        #expect(LNPresentation.comments(apdu).contains { $0.contains("09 0C") })
    }

    @Test func hanPushValuesAreScaledByTheirSiblingScalerUnit() throws {
        // amshan aidon:no_list_1: 1.0.1.7.0.255 = 280 with {0, 27 W}; TINETZ 1.0.32.7.0.255 = 2308 with {-1, V}.
        let aidon = try LNPresentation.decode(try LNPresentation.hex(
            "0F40000000000101020309060100010700FF060000011802020F00161B"
        ))
        let entry = try #require(((try LNPresentation.json(aidon)["body"] as? [String: Any])?["value"] as? [[String: Any]])?.first)
        let power = try #require((entry["value"] as? [[String: Any]])?[1])
        #expect(power["scaled"] as? Double == 280 && power["unit"] as? String == "W")
        let tinetz = try #require(Hex.decode(try String(
            contentsOfFile: Fixtures.shared("captures/austria-mbus-encrypted/tinetz_kaifa_ma309_example.plaintext.hex"),
            encoding: .utf8
        ).split(separator: "\n").first { !$0.hasPrefix("#") } ?? ""))
        let comments = LNPresentation.comments(try LNPresentation.decode(tinetz))
        #expect(comments.contains("230.8 V"))
        #expect(comments.contains("1.0.32.7.0.255 Voltage L1, instantaneous"))
        #expect(comments.contains("2021-07-19T15:46:35+02:00"))
    }

    @Test func eventNotificationJSON() throws {
        let json = try LNPresentation.json(try LNPresentation.decode(try LNPresentation.input("28_event_notification")))
        #expect(json["type"] as? String == "event-notification-request")
        #expect(json["time"] as? String == "2024-03-15T16:45:00+01:00" && json["timeBytes"] as? String == "07E8030F05102D0000FFC400")
        #expect((json["attribute"] as? [String: Any])?["obis"] as? String == "0.0.96.11.0.255")
        #expect((json["value"] as? [String: Any])?["value"] as? Int == 42)
        // Without time (Gurux misreads it): no <Time>, no time key.
        let noTime = try LNPresentation.decode(try LNPresentation.hex("C2000001 0000600B00FF 02 112A"))
        #expect(try LNPresentation.json(noTime)["time"] == nil)
        let tree = try LNPresentation.tree(noTime)
        #expect(LNPresentation.children(tree).map { child -> String in
            if case let .element(name, _, _) = child { return name }
            return ""
        } == ["AttributeDescriptor", "AttributeValue"])
    }
}
