import DLMSAPDU
import DLMSCore

/// Action-Response in Gurux's vocabulary: `ActionResponseNormal` (result,
/// then `<ReturnParameters>` holding `<Data>` or `<DataAccessError>`),
/// `ActionResponseWithPBlock` (a `<PBlock>`), `ActionResponseNextBlock`.
///
/// with-list, which Gurux cannot print (it raises), is
/// `ActionResponseWithList` holding `<ListOfResponses Qty>` of `<Response>`
/// elements, each with the result and return parameters of a normal response.
extension ActionResponse: APDUPresentable {
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
        var fields = LNServiceJSON.invokeIdAndPriority(invokeIdAndPriority)
        switch self {
        case let .normal(response):
            fields += Self.json(response.response)
        case let .withPBlock(response):
            fields += LNServiceJSON.dataBlock(response.block)
        case let .withList(response):
            fields.append(Field("responses", .list(response.responses.map { .fields(Self.json($0)) })))
        case let .nextPBlock(response):
            fields.append(.integer("blockNumber", response.blockNumber))
        }
        return fields
    }

    /// `result`, `resultCode` and, when present, `returnParameters`
    /// (`{"data"}` or `{"result", "resultCode"}`).
    private static func json(_ response: ActionResponseWithOptionalData) -> [Field] {
        var fields = LNServiceJSON.result(response.result)
        if let parameters = response.returnParameters {
            fields.append(Field("returnParameters", .fields(LNServiceJSON.getDataResult(parameters, ValueContext()))))
        }
        return fields
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
