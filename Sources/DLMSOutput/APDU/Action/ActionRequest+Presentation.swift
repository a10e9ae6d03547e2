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
extension ActionRequest: APDUJSONWriting {
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
        FieldTreeBuilder.build { writeJSONMembers(context, to: &$0) }
    }

    func writeJSONMembers<S: FieldSink>(_ context: PresentationContext, to sink: inout S) {
        LNServiceJSON.invokeIdAndPriority(invokeIdAndPriority, &sink)
        switch self {
        case let .normal(request):
            LNServiceJSON.method("method", request.method, &sink)
            if let parameters = request.parameters { sink.data("parameters", parameters, ValueContext()) }
        case let .nextPBlock(request):
            sink.integer("blockNumber", request.blockNumber)
        case let .withList(request):
            Self.methods(request.methods, &sink)
            sink.list("parameters") { sink in
                for parameters in request.parameters { sink.data(parameters, ValueContext()) }
            }
        case let .withFirstPBlock(request):
            LNServiceJSON.method("method", request.method, &sink)
            LNServiceJSON.dataBlock(request.block, &sink)
        case let .withListAndFirstPBlock(request):
            Self.methods(request.methods, &sink)
            LNServiceJSON.dataBlock(request.block, &sink)
        case let .withPBlock(request):
            LNServiceJSON.dataBlock(request.block, &sink)
        }
    }

    private static func methods<S: FieldSink>(_ methods: [CosemMethodDescriptor], _ sink: inout S) {
        sink.list("methods") { sink in
            for method in methods { LNServiceJSON.method(nil, method, &sink) }
        }
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
