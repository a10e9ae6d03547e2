import DLMSAPDU
import DLMSCore
import DLMSOutput
import DLMSTestSupport
import Foundation
import Testing

/// Action-Request and Action-Response as XML (Gurux reference cases 24 and
/// 25 and what ../shared/tools/gurux_oracle.py printed where it is right)
/// and JSON.
@Suite struct ActionPresentationTests {
    @Test(arguments: ["24_action_request_normal", "25_action_response_with_data"])
    func elementEqualsGurux(name: String) throws {
        let apdu = try LNPresentation.decode(try LNPresentation.input(name))
        #expect(try LNPresentation.tree(apdu) == (try LNPresentation.gurux(name)))
    }

    static let oracle: [(String, String)] = [
        ("C301C10046000060030AFF0100", """
            <ActionRequest><ActionRequestNormal><InvokeIdAndPriority Value="C1" /><MethodDescriptor>\
            <ClassId Value="0046" /><InstanceId Value="000060030AFF" /><MethodId Value="01" /></MethodDescriptor>\
            </ActionRequestNormal></ActionRequest>
            """),
        ("C701C10000", """
            <ActionResponse><ActionResponseNormal><InvokeIdAndPriority Value="C1" /><Result Value="Success" />\
            </ActionResponseNormal></ActionResponse>
            """),
        ("C701C0000101FA", """
            <ActionResponse><ActionResponseNormal><InvokeIdAndPriority Value="C0" /><Result Value="Success" />\
            <ReturnParameters><DataAccessError Value="OtherReason" /></ReturnParameters></ActionResponseNormal>\
            </ActionResponse>
            """),
        ("C704C100000001", """
            <ActionResponse><ActionResponseNextBlock><InvokeIdAndPriority Value="C1" />\
            <BlockNumber Value="00000001" /></ActionResponseNextBlock></ActionResponse>
            """),
    ]

    @Test(arguments: oracle)
    func variantsEqualTheOracle(input: String, xml: String) throws {
        let apdu = try LNPresentation.decode(try LNPresentation.hex(input))
        #expect(try LNPresentation.tree(apdu) == GuruxReference.tree(xml))
    }

    /// Variants the Python translator raises on: the names of Gurux's C# translator, documented in
    /// ActionRequest+Presentation.swift and ActionResponse+Presentation.swift.
    @Test(arguments: [
        ("C302C100000001", "ActionRequestForNextDataBlock", ["InvokeIdAndPriority", "BlockNumber"]),
        ("C303C102 0046000060030AFF01 0046000060030AFF02 02 0F00 0F01", "ActionRequestWithList",
         ["InvokeIdAndPriority", "MethodDescriptorList", "MethodInvocationParameters"]),
        ("C304C1 0046000060030AFF01 00 00000001 03 010203", "ActionRequestWithFirstBlock",
         ["InvokeIdAndPriority", "MethodDescriptor", "PBlock"]),
        ("C305C101 0046000060030AFF01 00 00000001 03 010203", "ActionRequestWithListAndFirstBlock",
         ["InvokeIdAndPriority", "MethodDescriptorList", "PBlock"]),
        ("C306C1 01 00000002 02 0405", "ActionRequestWithBlock", ["InvokeIdAndPriority", "PBlock"]),
        ("C702C1 00 00000001 03 010203", "ActionResponseWithPBlock", ["InvokeIdAndPriority", "PBlock"]),
        ("C703C102 0000 0001001105", "ActionResponseWithList", ["InvokeIdAndPriority", "ListOfResponses"]),
    ])
    func variantsGuruxCannotPrint(input: String, name: String, children: [String]) throws {
        let tree = try LNPresentation.tree(try LNPresentation.decode(try LNPresentation.hex(input)))
        let names = LNPresentation.children(LNPresentation.element(tree, name)).map { child -> String in
            if case let .element(childName, _, _) = child { return childName }
            return ""
        }
        #expect(names == children)
    }

    @Test func blockAndListContents() throws {
        let pblock = try LNPresentation.tree(try LNPresentation.decode(try LNPresentation.hex("C306C1010000000202 0405")))
        #expect(LNPresentation.element(pblock, "ActionRequestWithBlock", "PBlock") == .element("PBlock", attributes: [:], children: [
            .element("LastBlock", attributes: ["Value": "01"], children: []),
            .element("BlockNumber", attributes: ["Value": "00000002"], children: []),
            .element("RawData", attributes: ["Value": "0405"], children: []),
        ]))
        let list = try LNPresentation.tree(try LNPresentation.decode(try LNPresentation.hex("C703C102 0000 0001001105")))
        let responses = LNPresentation.children(LNPresentation.element(list, "ActionResponseWithList", "ListOfResponses"))
        #expect(responses.count == 2)
        #expect(LNPresentation.element(responses[1], "ReturnParameters", "Data", "UInt8")
            == .element("UInt8", attributes: ["Value": "05"], children: []))
    }

    @Test func hlsReplyJSONNamesTheMethod() throws {
        // g08: reply_to_HLS_authentication of Association LN 0.0.40.0.0.255.
        let request = try LNPresentation.json(try LNPresentation.decode(try LNPresentation.hex(
            "C301C1000F0000280000FF0101091110012345677D52391C407E3A45210F000E"
        )))
        #expect(request["type"] as? String == "action-request" && request["variant"] as? String == "normal")
        let method = try #require(request["method"] as? [String: Any])
        #expect(method["classId"] as? Int == 15 && method["class"] as? String == "Association LN")
        #expect(method["methodId"] as? Int == 1 && method["methodName"] as? String == "reply_to_HLS_authentication")
        #expect((request["parameters"] as? [String: Any])?["value"] as? String == "10012345677D52391C407E3A45210F000E")
        // g09 and g07: the returned data, and a data-access-result.
        let response = try LNPresentation.json(try LNPresentation.decode(try LNPresentation.hex(
            "C701C10001000911101A9190BC0A587217BCD2BCD4FDDB7143"
        )))
        #expect(response["result"] as? String == "success" && response["resultCode"] as? Int == 0)
        let returned = try #require(response["returnParameters"] as? [String: Any])
        #expect((returned["data"] as? [String: Any])?["value"] as? String == "101A9190BC0A587217BCD2BCD4FDDB7143")
        let error = try LNPresentation.json(try LNPresentation.decode(try LNPresentation.hex("C701C0000101FA")))
        #expect((error["returnParameters"] as? [String: Any])?["result"] as? String == "other-reason")
        #expect((error["returnParameters"] as? [String: Any])?["resultCode"] as? Int == 250)
    }

    @Test func jsonVariantNames() throws {
        let inputs = [
            "C302C100000001", "C303C10100460000 60030AFF01010F00", "C304C10046000060030AFF0100000000010301 0203",
            "C305C1010046000060030AFF0100000000010301 0203", "C306C1010000000202 0405",
            "C702C10000000001030102 03", "C703C1020000 0001001105", "C704C100000001",
        ]
        let variants = try inputs.map { try LNPresentation.json(try LNPresentation.decode(try LNPresentation.hex($0)))["variant"] as? String }
        #expect(variants == [
            "next-pblock", "with-list", "with-first-pblock", "with-list-and-first-pblock", "with-pblock",
            "with-pblock", "with-list", "next-pblock",
        ])
        let list = try LNPresentation.json(try LNPresentation.decode(try LNPresentation.hex("C703C1020000 0001001105")))
        let responses = try #require(list["responses"] as? [[String: Any]])
        #expect(responses.count == 2 && responses[0]["returnParameters"] == nil)
        #expect(((responses[1]["returnParameters"] as? [String: Any])?["data"] as? [String: Any])?["value"] as? Int == 5)
    }
}
