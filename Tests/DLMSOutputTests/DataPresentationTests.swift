import DLMSAPDU
import DLMSCore
import DLMSOutput
import DLMSTestSupport
import Foundation
import Testing

@Suite struct DataPresentationTests {
    /// The data value of a GetResponse-Normal case (`C4 01 <invoke> 00 <data>`) and the element Gurux printed for it.
    static func getResponseData(_ name: String) throws -> (DLMSData, GuruxReference.Tree) {
        let reference = try #require(GuruxReference.load(name))
        let input = try #require(reference.inputs.first)
        let value = try DLMSData(decoding: input.dropFirst(4))
        let output = try #require(reference.outputs.first)
        let tree = try #require(GuruxReference.tree(output))
        // <GetResponse><GetResponseNormal><InvokeIdAndPriority/><Result><Data>VALUE</Data></Result>...
        guard case let .element(_, _, normal) = tree, case let .element(_, _, members)? = normal.first,
              case let .element("Result", _, result)? = members.last, case let .element("Data", _, data)? = result.first,
              let element = data.first
        else { throw ReferenceError.unexpectedShape }
        return (value, element)
    }

    enum ReferenceError: Error { case unexpectedShape }

    /// Our element for `value`, parsed back the same way.
    static func ours(_ value: DLMSData) throws -> GuruxReference.Tree {
        let text = value.guruxXML().map(\.xmlText).joined()
        return try #require(GuruxReference.tree("<Data>" + text + "</Data>")).childrenOnly
    }

    @Test(arguments: [
        "12_get_response_datetime", "13_get_response_scaler_unit", "14_get_response_array100",
        "15_get_response_profile_rows",
    ])
    func dataElementsMatchGurux(name: String) throws {
        let (value, gurux) = try Self.getResponseData(name)
        #expect(try Self.ours(value) == gurux)
    }

    @Test func everySimpleTypeMatchesGuruxExceptDontCare() throws {
        let (value, gurux) = try Self.getResponseData("19_get_response_all_simple_types")
        // ../shared/reference/README.md: Gurux prints nothing for dont-care (the structure's last member,
        // still counted in its Qty of 0x15); dlmscope prints <DontCare />.
        guard case let .element(name, attributes, children) = try Self.ours(value) else {
            Issue.record("not an element")
            return
        }
        #expect(children.last == .element("DontCare", attributes: [:], children: []))
        #expect(GuruxReference.Tree.element(name, attributes: attributes, children: children.dropLast()) == gurux)
    }

    @Test func jsonShowsTypesValuesAndAnnotations() throws {
        // A push-list entry: OBIS, value, {scaler -1, unit V} (Austrian/EVN layout).
        let entry = DLMSData.structure([
            .octetString([1, 0, 32, 7, 0, 255]), .longUnsigned(2308), .structure([.integer(-1), .enum(35)]),
        ])
        guard case let .fields(fields) = entry.json(), case let .list(members)? = fields.first(where: { $0.name == "value" })?.value
        else { Issue.record("not an object"); return }
        #expect(members.count == 3)
        guard case let .fields(obis) = members[0], case let .fields(voltage) = members[1], case let .fields(scaler) = members[2]
        else { Issue.record("members are not objects"); return }
        #expect(obis.contains(.text("obis", "1.0.32.7.0.255")))
        #expect(obis.contains(.text("obisName", "Voltage L1, instantaneous")))
        #expect(voltage.contains(Field("scaled", .float(230.8))))
        #expect(voltage.contains(.text("unit", "V")))
        #expect(scaler.contains(.integer("scaler", -1)))
    }
}

extension GuruxReference.Tree {
    /// The single child of a wrapper element.
    var childrenOnly: GuruxReference.Tree {
        if case let .element(_, _, children) = self, children.count == 1, let only = children.first { return only }
        return self
    }
}
