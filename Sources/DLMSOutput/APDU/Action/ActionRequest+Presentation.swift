import DLMSAPDU
import DLMSCore

/// Action-Request in Gurux's vocabulary: `ActionRequestNormal` and
/// `ActionRequestForNextDataBlock` as the Gurux translator (Python) prints
/// them; the variants it cannot print (it raises or prints an empty
/// element) use the names of Gurux's C# translator, `ActionRequestWithList`,
/// `ActionRequestWithFirstBlock`, `ActionRequestWithListAndFirstBlock`,
/// `ActionRequestWithBlock`, holding `<MethodDescriptorList Qty>`,
/// `<MethodInvocationParameters Qty>` (one value per method) and `<PBlock>`
/// (last-block, block-number, raw data).
extension ActionRequest: APDUPresentable {
    public var apduType: String { "action-request" }

    public var variant: String? {
        switch self {
        case .normal: "normal"
        case .nextPBlock: "next-pblock"
        case .withList: "with-list"
        case .withFirstPBlock: "with-first-pblock"
        case .withListAndFirstPBlock: "with-list-and-first-pblock"
        case .withPBlock: "with-pblock"
        }
    }

    public func jsonFields(_ context: PresentationContext) -> [Field] {
        var fields = LNServiceJSON.invokeIdAndPriority(invokeIdAndPriority)
        switch self {
        case let .normal(request):
            fields.append(Field("method", LNServiceJSON.method(request.method)))
            if let parameters = request.parameters { fields.append(Field("parameters", parameters.json())) }
        case let .nextPBlock(request):
            fields.append(.integer("blockNumber", request.blockNumber))
        case let .withList(request):
            fields.append(Field("methods", .list(request.methods.map(LNServiceJSON.method))))
            fields.append(Field("parameters", .list(request.parameters.map { $0.json() })))
        case let .withFirstPBlock(request):
            fields.append(Field("method", LNServiceJSON.method(request.method)))
            fields += LNServiceJSON.dataBlock(request.block)
        case let .withListAndFirstPBlock(request):
            fields.append(Field("methods", .list(request.methods.map(LNServiceJSON.method))))
            fields += LNServiceJSON.dataBlock(request.block)
        case let .withPBlock(request):
            fields += LNServiceJSON.dataBlock(request.block)
        }
        return fields
    }

    public func guruxXML(_ context: PresentationContext) -> XMLNode {
        var children = LNServiceXML.invokeIdAndPriority(invokeIdAndPriority)
        let name: String
        switch self {
        case let .normal(request):
            name = "ActionRequestNormal"
            children.append(LNServiceXML.methodDescriptor(request.method))
            if let parameters = request.parameters {
                children.append(.node("MethodInvocationParameters", [], parameters.guruxXML()))
            }
        case let .nextPBlock(request):
            name = "ActionRequestForNextDataBlock"
            children.append(LNServiceXML.blockNumber(request.blockNumber))
        case let .withList(request):
            name = "ActionRequestWithList"
            children.append(Self.methodList(request.methods))
            children.append(.node(
                "MethodInvocationParameters", [XMLNode.quantity(request.parameters.count)],
                request.parameters.flatMap { $0.guruxXML() }
            ))
        case let .withFirstPBlock(request):
            name = "ActionRequestWithFirstBlock"
            children.append(LNServiceXML.methodDescriptor(request.method))
            children.append(.node("PBlock", [], LNServiceXML.dataBlockSA(request.block)))
        case let .withListAndFirstPBlock(request):
            name = "ActionRequestWithListAndFirstBlock"
            children.append(Self.methodList(request.methods))
            children.append(.node("PBlock", [], LNServiceXML.dataBlockSA(request.block)))
        case let .withPBlock(request):
            name = "ActionRequestWithBlock"
            children.append(.node("PBlock", [], LNServiceXML.dataBlockSA(request.block)))
        }
        return .node("ActionRequest", [], [.node(name, [], children)])
    }

    private static func methodList(_ methods: [CosemMethodDescriptor]) -> XMLNode {
        .node("MethodDescriptorList", [XMLNode.quantity(methods.count)], methods.map(LNServiceXML.methodDescriptor))
    }
}
