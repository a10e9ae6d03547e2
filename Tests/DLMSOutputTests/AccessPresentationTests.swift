import DLMSAPDU
import DLMSCore
import DLMSOutput
import DLMSTestSupport
import Foundation
import Testing

/// Access-Request and Access-Response as XML (Gurux reference cases 80 and
/// 81) and JSON, and the specifications Gurux cannot print.
@Suite struct AccessPresentationTests {
    @Test(arguments: ["80_access_request", "81_access_response"])
    func elementEqualsGurux(name: String) throws {
        let apdu = try LNPresentation.decode(try LNPresentation.input(name))
        #expect(try LNPresentation.tree(apdu) == (try LNPresentation.gurux(name)))
    }

    @Test func requestJSON() throws {
        let json = try LNPresentation.json(try LNPresentation.decode(try LNPresentation.input("80_access_request")))
        #expect(json["type"] as? String == "access-request" && json["longInvokeIdAndPriority"] as? String == "C0000001")
        #expect(json["priority"] as? String == "high" && json["serviceClass"] as? String == "confirmed")
        #expect(json["dateTime"] as? String == "2024-03-15T14:30:00+01:00")
        let specifications = try #require(json["specifications"] as? [[String: Any]])
        #expect(specifications.map { $0["service"] as? String } == ["get", "get"])
        #expect(specifications.map { ($0["attribute"] as? [String: Any])?["obis"] as? String } == ["0.0.1.0.0.255", "1.0.1.8.0.255"])
        #expect((json["data"] as? [[String: Any]])?.map { $0["type"] as? String } == ["null-data", "null-data"])
    }

    @Test func responseJSONAnnotatesTheDataByTheRequest() throws {
        let clock = CosemAttributeDescriptor(classId: 8, instance: OBISCode(0, 0, 1, 0, 0), attributeId: 2)
        let energy = CosemAttributeDescriptor(classId: 3, instance: OBISCode(1, 0, 1, 8, 0), attributeId: 2)
        let context = PresentationContext(
            requestedAttributes: [clock, energy],
            scalerUnits: [OBISCode(1, 0, 1, 8, 0): ScalerUnit(scaler: 0, unit: COSEMUnit(rawValue: 30))]
        )
        let json = try LNPresentation.json(try LNPresentation.decode(try LNPresentation.input("81_access_response")), context)
        let data = try #require(json["data"] as? [[String: Any]])
        #expect(data[0]["dateTime"] as? String == "2024-03-15T14:30:00+01:00")
        #expect(data[1]["scaled"] as? Double == 123_456 && data[1]["unit"] as? String == "Wh")
        let responses = try #require(json["responses"] as? [[String: Any]])
        #expect(responses.map { $0["result"] as? String } == ["success", "success"])
        #expect(responses.map { $0["service"] as? String } == ["get", "get"])
        #expect(json["requestSpecifications"] == nil && json["dateTime"] == nil)
    }

    /// Gurux prints an action as an AttributeDescriptor and raises on choices 4 and 5; dlmscope prints a
    /// MethodDescriptor and the selection (AccessRequest+Presentation.swift).
    @Test func specificationsGuruxCannotPrint() throws {
        let apdu = try LNPresentation.decode(try LNPresentation.hex(
            "D9 00000001 00 04"
                + " 03 0046 000060030AFF 01"
                + " 04 0003 0100010800FF 02 02 0204 0600000001 060000000A 120001 120000"
                + " 05 0007 0100630100FF 02 02 0204 0600000001 060000000A 120001 120000"
                + " 02 0008 0000010000FF 02"
                + " 04 0F00 00 00 1105"
        ))
        let tree = try LNPresentation.tree(apdu)
        let items = LNPresentation.children(LNPresentation.element(tree, "AccessRequestBody", "AccessRequestSpecification"))
        let inner = items.map { item -> String in
            if case let .element(name, _, _)? = LNPresentation.children(item).first { return name }
            return ""
        }
        #expect(inner == ["AccessRequestAction", "AccessRequestGetWithSelection", "AccessRequestSetWithSelection", "AccessRequestSet"])
        #expect(LNPresentation.element(items[0], "AccessRequestAction", "MethodDescriptor", "MethodId")
            == .element("MethodId", attributes: ["Value": "01"], children: []))
        #expect(LNPresentation.element(items[1], "AccessRequestGetWithSelection", "AccessSelection", "AccessSelector")
            == .element("AccessSelector", attributes: ["Value": "02"], children: []))
        let json = try LNPresentation.json(apdu)
        let specifications = try #require(json["specifications"] as? [[String: Any]])
        #expect(specifications.map { $0["service"] as? String } == ["action", "get-with-selection", "set-with-selection", "set"])
        #expect((specifications[0]["method"] as? [String: Any])?["methodName"] as? String == "remote_disconnect")
        #expect(((specifications[1]["accessSelection"] as? [String: Any])?["entry"] as? [String: Any])?["toEntry"] as? Int == 10)
    }

    @Test func aResponseThatRepeatsTheRequest() throws {
        let apdu = try LNPresentation.decode(try LNPresentation.hex("DA 00000001 00 01 01 02 0008 0000010000FF 02 01 00 01 02 03"))
        let tree = try LNPresentation.tree(apdu)
        let body = LNPresentation.children(LNPresentation.element(tree, "AccessResponseBody")).map { child -> String in
            if case let .element(name, _, _) = child { return name }
            return ""
        }
        #expect(body == ["AccessRequestSpecification", "AccessResponseListOfData", "AccessResponseSpecification"])
        #expect(LNPresentation.element(tree, "AccessResponseBody", "AccessResponseSpecification", "_AccessResponseSpecification",
                                       "AccessResponseSet", "Result")
            == .element("Result", attributes: ["Value": "ReadWriteDenied"], children: []))
        let json = try LNPresentation.json(apdu)
        #expect((json["requestSpecifications"] as? [[String: Any]])?.first?["service"] as? String == "set")
        #expect((json["responses"] as? [[String: Any]])?.first?["result"] as? String == "read-write-denied")
    }
}
