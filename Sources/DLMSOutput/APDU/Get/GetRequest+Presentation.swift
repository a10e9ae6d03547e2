import DLMSAPDU
import DLMSCore

/// Get-Request in Gurux's vocabulary: `GetRequestNormal`,
/// `GetRequestForNextDataBlock`, `GetRequestWithList`.
///
/// Deviation from Gurux: in a with-list, Gurux reads each item's selective
/// access and drops it from the XML; dlmscope prints it as
/// `<AccessSelection>` inside the item's `<AttributeDescriptorWithSelection>`,
/// after the `<AttributeDescriptor>`, as in GetRequestNormal.
extension GetRequest: APDUJSONWriting {
    public var apduType: String { "get-request" }

    public var variant: String? {
        switch self {
        case .normal: "normal"
        case .next: "next"
        case .withList: "with-list"
        }
    }

    public func jsonFields(_ context: PresentationContext) -> [Field] {
        FieldTreeBuilder.build { writeJSONMembers(context, to: &$0) }
    }

    func writeJSONMembers<S: FieldSink>(_ context: PresentationContext, to sink: inout S) {
        LNServiceJSON.invokeIdAndPriority(invokeIdAndPriority, &sink)
        switch self {
        case let .normal(request):
            LNServiceJSON.attribute("attribute", request.attribute, &sink)
            if let selection = request.accessSelection {
                selection.write("accessSelection", context.valueContext(for: nil), &sink)
            }
        case let .next(request):
            sink.integer("blockNumber", request.blockNumber)
        case let .withList(request):
            sink.list("attributes") { sink in
                for item in request.attributes { sink.object(nil) { LNServiceJSON.attributeMembers(item, &$0) } }
            }
        }
    }

    public func guruxXML(_ context: PresentationContext) -> XMLNode {
        var children = LNServiceXML.invokeIdAndPriority(invokeIdAndPriority)
        let name: String
        switch self {
        case let .normal(request):
            name = "GetRequestNormal"
            children.append(LNServiceXML.attributeDescriptor(request.attribute))
            if let selection = request.accessSelection { children.append(selection.guruxXML()) }
        case let .next(request):
            name = "GetRequestForNextDataBlock"
            children.append(LNServiceXML.blockNumber(request.blockNumber))
        case let .withList(request):
            name = "GetRequestWithList"
            children.append(LNServiceXML.attributeList(request.attributes))
        }
        return .node("GetRequest", [], [.node(name, [], children)])
    }
}
