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
extension SetRequest: APDUJSONWriting {
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
        FieldTreeBuilder.build { writeJSONMembers(context, to: &$0) }
    }

    func writeJSONMembers<S: FieldSink>(_ context: PresentationContext, to sink: inout S) {
        LNServiceJSON.invokeIdAndPriority(invokeIdAndPriority, &sink)
        switch self {
        case let .normal(request):
            LNServiceJSON.attribute("attribute", request.attribute, &sink)
            if let selection = request.accessSelection { selection.write("accessSelection", ValueContext(), &sink) }
            sink.data("value", request.value, context.valueContext(for: request.attribute))
        case let .withFirstDataBlock(request):
            LNServiceJSON.attribute("attribute", request.attribute, &sink)
            if let selection = request.accessSelection { selection.write("accessSelection", ValueContext(), &sink) }
            LNServiceJSON.dataBlock(request.block, &sink)
        case let .withDataBlock(request):
            LNServiceJSON.dataBlock(request.block, &sink)
        case let .withList(request):
            Self.attributes(request.attributes, &sink)
            sink.list("values") { sink in
                for (index, value) in request.values.enumerated() {
                    sink.data(value, context.valueContext(for: LNServiceJSON.element(request.attributes, index)?.attribute))
                }
            }
        case let .withListAndFirstDataBlock(request):
            Self.attributes(request.attributes, &sink)
            LNServiceJSON.dataBlock(request.block, &sink)
        }
    }

    /// `attributes`: the descriptors with their selective access.
    private static func attributes<S: FieldSink>(_ items: [CosemAttributeDescriptorWithSelection], _ sink: inout S) {
        sink.list("attributes") { sink in
            for item in items { sink.object(nil) { LNServiceJSON.attributeMembers(item, &$0) } }
        }
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
