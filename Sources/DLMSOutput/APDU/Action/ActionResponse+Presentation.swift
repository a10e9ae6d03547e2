import DLMSAPDU
import DLMSCore

/// Action-Response in Gurux's vocabulary: `ActionResponseNormal` (result,
/// then `<ReturnParameters>` holding `<Data>` or `<DataAccessError>`),
/// `ActionResponseWithPBlock` (a `<PBlock>`), `ActionResponseNextBlock`.
///
/// with-list, which Gurux cannot print (it raises), is
/// `ActionResponseWithList` holding `<ListOfResponses Qty>` of `<Response>`
/// elements, each with the result and return parameters of a normal response.
extension ActionResponse: APDUJSONWriting {
    public var apduType: String { "action-response" }

    public var variant: String? {
        switch self {
        case .normal: "normal"
        case .withPBlock: "with-pblock"
        case .withList: "with-list"
        case .nextPBlock: "next-pblock"
        }
    }

    public func jsonFields(_ context: PresentationContext) -> [Field] {
        FieldTreeBuilder.build { writeJSONMembers(context, to: &$0) }
    }

    func writeJSONMembers<S: FieldSink>(_ context: PresentationContext, to sink: inout S) {
        LNServiceJSON.invokeIdAndPriority(invokeIdAndPriority, &sink)
        switch self {
        case let .normal(response):
            Self.write(response.response, &sink)
        case let .withPBlock(response):
            LNServiceJSON.dataBlock(response.block, &sink)
        case let .withList(response):
            sink.list("responses") { sink in
                for item in response.responses { sink.object(nil) { Self.write(item, &$0) } }
            }
        case let .nextPBlock(response):
            sink.integer("blockNumber", response.blockNumber)
        }
    }

    /// `result`, `resultCode` and, when present, `returnParameters`
    /// (`{"data"}` or `{"result", "resultCode"}`).
    private static func write<S: FieldSink>(_ response: ActionResponseWithOptionalData, _ sink: inout S) {
        LNServiceJSON.result(response.result, &sink)
        if let parameters = response.returnParameters {
            sink.object("returnParameters") { LNServiceJSON.getDataResult(parameters, ValueContext(), &$0) }
        }
    }

    public func guruxXML(_ context: PresentationContext) -> XMLNode {
        var children = LNServiceXML.invokeIdAndPriority(invokeIdAndPriority)
        let name: String
        switch self {
        case let .normal(response):
            name = "ActionResponseNormal"
            children += Self.xml(response.response)
        case let .withPBlock(response):
            name = "ActionResponseWithPBlock"
            children.append(.node("PBlock", [], LNServiceXML.dataBlockSA(response.block)))
        case let .withList(response):
            name = "ActionResponseWithList"
            children.append(.node(
                "ListOfResponses", [XMLNode.quantity(response.responses.count)],
                response.responses.map { .node("Response", [], Self.xml($0)) }
            ))
        case let .nextPBlock(response):
            name = "ActionResponseNextBlock"
            children.append(LNServiceXML.blockNumber(response.blockNumber))
        }
        return .node("ActionResponse", [], [.node(name, [], children)])
    }

    private static func xml(_ response: ActionResponseWithOptionalData) -> [XMLNode] {
        var nodes = LNServiceXML.result("Result", response.result)
        if let parameters = response.returnParameters {
            nodes.append(.node("ReturnParameters", [], LNServiceXML.getDataResult(parameters, ValueContext())))
        }
        return nodes
    }
}
