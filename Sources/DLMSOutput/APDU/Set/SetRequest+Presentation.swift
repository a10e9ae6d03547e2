import DLMSAPDU
import DLMSCore

/// Set-Request in Gurux's vocabulary: `SetRequestNormal`,
/// `SetRequestFirstDataBlock`, `SetRequestWithDataBlock`,
/// `SetRequestWithList`; the values are annotated as values of the
/// attributes they are written to.
///
/// Deviations from Gurux, which is wrong or silent here:
/// - Gurux reads the selective-access flag of normal and first-datablock
///   requests but never prints the selection (and misreads the rest when
///   one is present); dlmscope prints `<AccessSelection>` after the
///   `<AttributeDescriptor>`, as in GetRequestNormal, also inside with-list items.
/// - with-list: Gurux prints one value and closes its elements in the wrong
///   order (not well-formed); dlmscope prints `<ValueList Qty>` holding every value.
/// - with-list-and-first-datablock (Gurux raises): `SetRequestWithListAndFirstDataBlock`
///   with the `<AttributeDescriptorList>` and the `<DataBlock>`.
extension SetRequest: APDUPresentable {
    public var apduType: String { "set-request" }

    public var variant: String? {
        switch self {
        case .normal: "normal"
        case .withFirstDataBlock: "with-first-datablock"
        case .withDataBlock: "with-datablock"
        case .withList: "with-list"
        case .withListAndFirstDataBlock: "with-list-and-first-datablock"
        }
    }

    public func jsonFields(_ context: PresentationContext) -> [Field] {
        var fields = LNServiceJSON.invokeIdAndPriority(invokeIdAndPriority)
        switch self {
        case let .normal(request):
            fields.append(Field("attribute", LNServiceJSON.attribute(request.attribute)))
            if let selection = request.accessSelection { fields.append(Field("accessSelection", selection.json())) }
            fields.append(Field("value", request.value.json(context.valueContext(for: request.attribute))))
        case let .withFirstDataBlock(request):
            fields.append(Field("attribute", LNServiceJSON.attribute(request.attribute)))
            if let selection = request.accessSelection { fields.append(Field("accessSelection", selection.json())) }
            fields += LNServiceJSON.dataBlock(request.block)
        case let .withDataBlock(request):
            fields += LNServiceJSON.dataBlock(request.block)
        case let .withList(request):
            fields.append(Field("attributes", .list(request.attributes.map(LNServiceJSON.attribute))))
            let values = request.values.enumerated().map { index, value in
                value.json(context.valueContext(for: LNServiceJSON.element(request.attributes, index)?.attribute))
            }
            fields.append(Field("values", .list(values)))
        case let .withListAndFirstDataBlock(request):
            fields.append(Field("attributes", .list(request.attributes.map(LNServiceJSON.attribute))))
            fields += LNServiceJSON.dataBlock(request.block)
        }
        return fields
    }

    public func guruxXML(_ context: PresentationContext) -> XMLNode {
        var children = LNServiceXML.invokeIdAndPriority(invokeIdAndPriority)
        let name: String
        switch self {
        case let .normal(request):
            name = "SetRequestNormal"
            children.append(LNServiceXML.attributeDescriptor(request.attribute))
            if let selection = request.accessSelection { children.append(selection.guruxXML()) }
            children.append(.node("Value", [], request.value.guruxXML(context.valueContext(for: request.attribute))))
        case let .withFirstDataBlock(request):
            name = "SetRequestFirstDataBlock"
            children.append(LNServiceXML.attributeDescriptor(request.attribute))
            if let selection = request.accessSelection { children.append(selection.guruxXML()) }
            children.append(.node("DataBlock", [], LNServiceXML.dataBlockSA(request.block)))
        case let .withDataBlock(request):
            name = "SetRequestWithDataBlock"
            children.append(.node("DataBlock", [], LNServiceXML.dataBlockSA(request.block)))
        case let .withList(request):
            name = "SetRequestWithList"
            children.append(LNServiceXML.attributeList(request.attributes))
            let values = request.values.enumerated().flatMap { index, value in
                value.guruxXML(context.valueContext(for: LNServiceJSON.element(request.attributes, index)?.attribute))
            }
            children.append(.node("ValueList", [XMLNode.quantity(request.values.count)], values))
        case let .withListAndFirstDataBlock(request):
            name = "SetRequestWithListAndFirstDataBlock"
            children.append(LNServiceXML.attributeList(request.attributes))
            children.append(.node("DataBlock", [], LNServiceXML.dataBlockSA(request.block)))
        }
        return .node("SetRequest", [], [.node(name, [], children)])
    }
}
