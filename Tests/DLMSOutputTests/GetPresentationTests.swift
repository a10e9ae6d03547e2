import DLMSAPDU
import DLMSCore
import DLMSOutput
import DLMSTestSupport
import Foundation
import Testing

/// Get-Request and Get-Response as XML (against the Gurux reference cases)
/// and JSON (the key values).
@Suite struct GetPresentationTests {
    static let energy = CosemAttributeDescriptor(classId: 3, instance: OBISCode(1, 0, 1, 8, 0), attributeId: 2)
    static let clockTime = CosemAttributeDescriptor(classId: 8, instance: OBISCode(0, 0, 1, 0, 0), attributeId: 2)

    /// Cases where Gurux is right: our element equals Gurux's, comments removed.
    @Test(arguments: [
        "09_get_request_normal", "10_get_request_selective_range", "11_get_request_with_list",
        "12_get_response_datetime", "13_get_response_scaler_unit", "14_get_response_array100",
        "15_get_response_profile_rows", "16_get_response_access_error", "18_get_response_datablock_first",
        "78_get_response_trailing_bytes",
    ])
    func elementEqualsGurux(name: String) throws {
        let apdu = try LNPresentation.decode(try LNPresentation.input(name))
        #expect(try LNPresentation.tree(apdu) == (try LNPresentation.gurux(name)))
    }

    /// ../shared/reference/README.md: with-list drops data-access-results (17). Ours has Gurux's two
    /// `<Data>` elements and, third as the `Qty` says, the read-write-denied result.
    @Test func case17KeepsTheDataAccessResult() throws {
        let ours = try LNPresentation.tree(try LNPresentation.decode(try LNPresentation.input("17_get_response_with_list")))
        let gurux = try LNPresentation.gurux("17_get_response_with_list")
        let path = ["GetResponseWithList", "Result"]
        let guruxResults = LNPresentation.children(LNPresentation.element(gurux, path[0], path[1]))
        let ourResults = LNPresentation.children(LNPresentation.element(ours, path[0], path[1]))
        #expect(ourResults.count == 3)
        #expect(Array(ourResults.prefix(2)) == guruxResults)
        #expect(ourResults.last == .element("DataAccessError", attributes: ["Value": "ReadWriteDenied"], children: []))
        #expect(LNPresentation.replacingChildren(of: ours, at: path, with: guruxResults) == gurux)
    }

    /// ../shared/reference/README.md: the datablock's raw data is shown as hex only (18). The element is
    /// the same; dlmscope says in a comment and in JSON what the block begins.
    @Test func case18SaysWhatTheRawDataBegins() throws {
        let apdu = try LNPresentation.decode(try LNPresentation.input("18_get_response_datablock_first"))
        // 01 0A: an array of 10 elements; 06 00000000, 06 00000001, 06 00000002 complete, 06 0000 cut.
        #expect(LNPresentation.comments(apdu).contains("20 bytes; starts an array of 10 elements, 3 complete in this block"))
        let json = try LNPresentation.json(apdu)
        #expect(json["variant"] as? String == "with-datablock")
        #expect(json["lastBlock"] as? Bool == false && json["blockNumber"] as? Int == 1)
        #expect(json["rawData"] as? String == "010A060000000006000000010600000002060000")
        let start = try #require(json["rawDataStart"] as? [String: Any])
        #expect(start["type"] as? String == "array" && start["elements"] as? Int == 10 && start["completeElements"] as? Int == 3)
    }

    @Test func aDatablockHoldingAWholeValueShowsIt() throws {
        let apdu = try LNPresentation.decode(try LNPresentation.hex("C402C101000000010007020212000A1100"))
        #expect(LNPresentation.comments(apdu).contains("7 bytes; a complete structure of 2 elements"))
        let value = try #require(try LNPresentation.json(apdu)["rawDataValue"] as? [String: Any])
        #expect(value["type"] as? String == "structure")
        let error = try LNPresentation.decode(try LNPresentation.hex("C402C100000000010104"))
        let tree = try LNPresentation.tree(error)
        #expect(LNPresentation.element(tree, "GetResponsewithDataBlock", "Result", "Result", "DataAccessResult")
            == .element("DataAccessResult", attributes: ["Value": "UndefinedObject"], children: []))
        let json = try LNPresentation.json(error)
        #expect(json["result"] as? String == "object-undefined" && json["resultCode"] as? Int == 4)
    }

    @Test func aSingleBlockWithBytesAfterItsValueSaysSo() throws {
        // Output.pcap (Gurux C++ client and server): the only block of a profile buffer holds an empty
        // array (01 00) and then a structure of 21 bytes that belongs to no value.
        let apdu = try LNPresentation.decode(try LNPresentation.hex(
            "C402810100000001001701000202090C07E6021507040000FF8000000500000002"
        ))
        #expect(LNPresentation.comments(apdu).contains("23 bytes; a complete array of 0 elements, then 21 bytes that belong to no value"))
        let json = try LNPresentation.json(apdu)
        #expect(json["rawDataExtraBytes"] as? Int == 21 && (json["rawDataValue"] as? [String: Any])?["type"] as? String == "array")
        // A later block starts mid-value: nothing is read into it.
        let later = try LNPresentation.decode(try LNPresentation.hex("C402C1010000000200021105"))
        #expect(LNPresentation.comments(later).contains("2 bytes"))
        let laterJSON = try LNPresentation.json(later)
        #expect(laterJSON["rawDataValue"] == nil && laterJSON["rawDataStart"] == nil)
    }

    /// Gurux raises on dont-care and on date (76); the rest of case 19 matches.
    @Test func case19And76ByTheStandard() throws {
        let all = try LNPresentation.tree(try LNPresentation.decode(try LNPresentation.input("19_get_response_all_simple_types")))
        let gurux = try LNPresentation.gurux("19_get_response_all_simple_types")
        let path = ["GetResponseNormal", "Result", "Data", "Structure"]
        var members = LNPresentation.children(LNPresentation.element(all, path[0], path[1], path[2], path[3]))
        #expect(members.popLast() == .element("DontCare", attributes: [:], children: []))
        #expect(LNPresentation.replacingChildren(of: all, at: path, with: members) == gurux)
        let date = try LNPresentation.tree(try LNPresentation.decode(try LNPresentation.input("76_get_response_date_type_0x1A")))
        #expect(LNPresentation.element(date, "GetResponseNormal", "Result", "Data", "Date")
            == .element("Date", attributes: ["Value": "07E8030F05"], children: []))
        #expect(date == LNPresentation.replacingChildren(
            of: try LNPresentation.gurux("12_get_response_datetime"), at: ["GetResponseNormal", "Result", "Data"],
            with: [.element("Date", attributes: ["Value": "07E8030F05"], children: [])]
        ))
    }

    /// The GET APDUs inside the frame cases (HDLC 62, 63; WRAPPER 69, 70) match Gurux's `<PDU>` content.
    @Test(arguments: [
        ("62_hdlc_iframe_get", 12), ("63_hdlc_iframe_get_response", 12),
        ("69_wrapper_get_request", 8), ("70_wrapper_get_response", 8),
    ])
    func framedAPDUsMatchGurux(name: String, header: Int) throws {
        let frame = try LNPresentation.input(name)
        // HDLC: flag, format, 2-byte and 1-byte addresses, control, HCS, LLC; FCS and flag at the end.
        let apdu = Array(frame.dropFirst(header))
        let bytes = name.contains("hdlc") ? Array(apdu.dropLast(3)) : apdu
        let gurux = try LNPresentation.gurux(name)
        let pdu = try #require(LNPresentation.children(LNPresentation.element(gurux, "PDU")).first)
        #expect(try LNPresentation.tree(try LNPresentation.decode(bytes)) == pdu)
    }

    // MARK: JSON and annotation

    @Test func requestJSONNamesTheObject() throws {
        let json = try LNPresentation.json(try LNPresentation.decode(try LNPresentation.input("09_get_request_normal")))
        #expect(json["type"] as? String == "get-request" && json["variant"] as? String == "normal")
        #expect(json["invokeId"] as? Int == 1 && json["priority"] as? String == "high")
        #expect(json["serviceClass"] as? String == "confirmed")
        let attribute = try #require(json["attribute"] as? [String: Any])
        #expect(attribute["classId"] as? Int == 8 && attribute["class"] as? String == "Clock")
        #expect(attribute["obis"] as? String == "0.0.1.0.0.255" && attribute["obisName"] as? String == "Clock")
        #expect(attribute["attributeId"] as? Int == 2 && attribute["attributeName"] as? String == "time")
        let next = try LNPresentation.json(try LNPresentation.decode(try LNPresentation.hex("C002C100000001")))
        #expect(next["variant"] as? String == "next" && next["blockNumber"] as? Int == 1)
        let list = try LNPresentation.json(try LNPresentation.decode(try LNPresentation.input("11_get_request_with_list")))
        #expect((list["attributes"] as? [[String: Any]])?.map { $0["attributeName"] as? String } == ["time", "value", "scaler_unit"])
    }

    @Test func selectiveAccessJSONHasTheRangeFields() throws {
        let json = try LNPresentation.json(try LNPresentation.decode(try LNPresentation.input("10_get_request_selective_range")))
        let selection = try #require(json["accessSelection"] as? [String: Any])
        #expect(selection["selector"] as? Int == 1)
        let range = try #require(selection["range"] as? [String: Any])
        let restricting = try #require(range["restrictingObject"] as? [String: Any])
        #expect(restricting["obis"] as? String == "0.0.1.0.0.255" && restricting["dataIndex"] as? Int == 0)
        #expect((range["from"] as? [String: Any])?["dateTime"] as? String == "2024-03-15T00:00:00+01:00")
        #expect((range["to"] as? [String: Any])?["dateTime"] as? String == "2024-03-16T00:00:00+01:00")
        #expect((range["selectedValues"] as? [Any])?.isEmpty == true)
    }

    @Test func responseValuesAreAnnotatedWithWhatWasAsked() throws {
        // A register value answered to a request for 1.0.1.8.0.255 attribute 2, scaler -3 Wh learned earlier.
        let context = PresentationContext(
            requestedAttributes: [Self.energy],
            scalerUnits: [OBISCode(1, 0, 1, 8, 0): ScalerUnit(scaler: -3, unit: COSEMUnit(rawValue: 30))]
        )
        let apdu = try LNPresentation.decode(try LNPresentation.hex("C401C1000600001391"))
        let json = try LNPresentation.json(apdu, context)
        #expect((json["attribute"] as? [String: Any])?["obis"] as? String == "1.0.1.8.0.255")
        let data = try #require(json["data"] as? [String: Any])
        #expect(data["value"] as? Int == 5009 && data["scaled"] as? Double == 5.009 && data["unit"] as? String == "Wh")
        #expect(LNPresentation.comments(apdu, context).contains("5.009 Wh"))
        // With-list: one requested attribute per result.
        let list = try LNPresentation.decode(try LNPresentation.input("17_get_response_with_list"))
        let listJSON = try LNPresentation.json(list, PresentationContext(requestedAttributes: [Self.clockTime, Self.energy, Self.energy]))
        let results = try #require(listJSON["results"] as? [[String: Any]])
        #expect(results.count == 3)
        #expect((results[0]["attribute"] as? [String: Any])?["attributeName"] as? String == "time")
        #expect((results[0]["data"] as? [String: Any])?["dateTime"] as? String == "2024-03-15T14:30:05")
        #expect((results[1]["data"] as? [String: Any])?["value"] as? Int == 123_456)
        #expect(results[2]["result"] as? String == "read-write-denied" && results[2]["resultCode"] as? Int == 3)
        #expect(LNPresentation.comments(list, PresentationContext(requestedAttributes: [Self.clockTime]))
            .contains("answers Clock 0.0.1.0.0.255 attribute 2 (time)"))
    }

    @Test func enumValuesAreNamedByTheRequestedAttribute() throws {
        // Disconnect control 0.0.96.3.10.255 attribute 3 control_state = enum 1 (connected).
        let state = CosemAttributeDescriptor(classId: 70, instance: OBISCode(0, 0, 96, 3, 10), attributeId: 3)
        let apdu = try LNPresentation.decode(try LNPresentation.hex("C401C1001601"))
        let data = try #require(try LNPresentation.json(apdu, PresentationContext(requestedAttributes: [state]))["data"] as? [String: Any])
        let expected = InterfaceClass.enumValueName(classID: 70, attribute: 3, value: 1)
        #expect(expected != nil)
        #expect(data["enum"] as? String == expected)
    }
}
