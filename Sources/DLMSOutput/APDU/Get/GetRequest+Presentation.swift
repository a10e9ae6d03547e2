import DLMSAPDU
import DLMSCore

/// Get-Request in Gurux's vocabulary: `GetRequestNormal`,
/// `GetRequestForNextDataBlock`, `GetRequestWithList`.
///
/// Deviation from Gurux: in a with-list, Gurux reads each item's selective
/// access and drops it from the XML; dlmscope prints it as
/// `<AccessSelection>` inside the item's `<AttributeDescriptorWithSelection>`,
/// after the `<AttributeDescriptor>`, as in GetRequestNormal.
extension GetRequest: APDUPresentable {
    public var apduType: String { "get-request" }

    public var variant: String? {
        switch self {
        case .normal: "normal"
        case .next: "next"
        case .withList: "with-list"
        }
    }

    public func jsonFields(_ context: PresentationContext) -> [Field] {
        var fields = LNServiceJSON.invokeIdAndPriority(invokeIdAndPriority)
        switch self {
        case let .normal(request):
            fields.append(Field("attribute", LNServiceJSON.attribute(request.attribute)))
            if let selection = request.accessSelection {
                fields.append(Field("accessSelection", selection.json(context.valueContext(for: nil))))
            }
        case let .next(request):
            fields.append(.integer("blockNumber", request.blockNumber))
        case let .withList(request):
            fields.append(Field("attributes", .list(request.attributes.map(LNServiceJSON.attribute))))
        }
        return fields
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
