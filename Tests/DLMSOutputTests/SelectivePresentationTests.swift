import DLMSAPDU
import DLMSCore
import DLMSOutput
import DLMSTestSupport
import Foundation
import Testing

/// Selective access as GET presents it: the oracle's XML for an entry
/// descriptor, the range and entry fields in JSON, and the comment that
/// says what is selected.
@Suite struct SelectivePresentationTests {
    static let entryRequest = "C001C100070100630100FF020102020406000000010600000005120001120000"

    @Test func entryDescriptorEqualsTheOracle() throws {
        // ../shared/tools/gurux_oracle.py --no-comments on the request above.
        let expected = GuruxReference.tree("""
            <GetRequest><GetRequestNormal><InvokeIdAndPriority Value="C1" /><AttributeDescriptor>\
            <ClassId Value="0007" /><InstanceId Value="0100630100FF" /><AttributeId Value="02" /></AttributeDescriptor>\
            <AccessSelection><AccessSelector Value="02" /><AccessParameters><Structure Qty="04" >\
            <UInt32 Value="00000001" /><UInt32 Value="00000005" /><UInt16 Value="0001" /><UInt16 Value="0000" />\
            </Structure></AccessParameters></AccessSelection></GetRequestNormal></GetRequest>
            """)
        let apdu = try LNPresentation.decode(try LNPresentation.hex(Self.entryRequest))
        #expect(try LNPresentation.tree(apdu) == expected)
        #expect(LNPresentation.comments(apdu).contains("entry_descriptor: entries 1 to 5, values 1 to the last"))
        let entry = try #require(((try LNPresentation.json(apdu)["accessSelection"] as? [String: Any])?["entry"]) as? [String: Any])
        #expect(entry["fromEntry"] as? Int == 1 && entry["toEntry"] as? Int == 5)
        #expect(entry["fromSelectedValue"] as? Int == 1 && entry["toSelectedValue"] as? Int == 0)
    }

    @Test func rangeDescriptorComment() throws {
        // Vector f11 in a Get-Request: the clock from 2020-01-01 00:03:00 (+02:00) to 2020-01-06 00:03:00 (+01:00).
        let apdu = try LNPresentation.decode(try LNPresentation.hex(
            "C001C100070100630100FF020101"
                + "0204020412000809060000010000FF0F02120000090C07E40101FF00030000FF8800090C07E40106FF00030000FFC4000100"
        ))
        #expect(LNPresentation.comments(apdu).contains(
            "range_descriptor: rows whose Clock 0.0.1.0.0.255 attribute 2 (time) is from 2020-01-01T00:03:00+02:00 "
                + "to 2020-01-06T00:03:00+01:00, all columns"
        ))
    }

    @Test func otherSelectorsShowTheirDataOnly() throws {
        // Association LN object_list (attribute 2) with selector 3: no range or entry fields, no comment.
        let apdu = try LNPresentation.decode(try LNPresentation.hex("C001C1000F0000280000FF02010301011200 08"))
        let selection = try #require(try LNPresentation.json(apdu)["accessSelection"] as? [String: Any])
        #expect(selection["selector"] as? Int == 3 && selection["range"] == nil && selection["entry"] == nil)
        #expect((selection["parameters"] as? [String: Any])?["type"] as? String == "array")
        #expect(!LNPresentation.comments(apdu).contains { $0.contains("descriptor") })
    }
}
