import DLMSAPDU
import DLMSCore

/// Set-Response in Gurux's vocabulary: `SetResponseNormal`,
/// `SetResponseDataBlock`, `SetResponseWithLastDataBlock`,
/// `SetResponseWithList` (whose `Qty` Gurux writes in decimal without
/// padding, `Qty="2"`; dlmscope does the same there).
///
/// last-datablock-with-list, which Gurux cannot print (it raises), is
/// `SetResponseLastDataBlockWithList` with `<Result Qty>` of
/// `<DataAccessResult>` elements (hex `Qty`, as everywhere else) and the
/// `<BlockNumber>`.
extension SetResponse: APDUPresentable {
    public var apduType: String { "set-response" }

    public var variant: String? {
        switch self {
        case .normal: "normal"
        case .dataBlock: "datablock"
        case .lastDataBlock: "last-datablock"
        case .lastDataBlockWithList: "last-datablock-with-list"
        case .withList: "with-list"
        }
    }

    public func jsonFields(_ context: PresentationContext) -> [Field] {
        var fields = LNServiceJSON.invokeIdAndPriority(invokeIdAndPriority)
        switch self {
        case let .normal(response):
            fields += LNServiceJSON.result(response.result)
        case let .dataBlock(response):
            fields.append(.integer("blockNumber", response.blockNumber))
        case let .lastDataBlock(response):
            fields += LNServiceJSON.result(response.result)
            fields.append(.integer("blockNumber", response.blockNumber))
        case let .lastDataBlockWithList(response):
            fields.append(Self.results(response.results, context))
            fields.append(.integer("blockNumber", response.blockNumber))
        case let .withList(response):
            fields.append(Self.results(response.results, context))
        }
        return fields
    }

    /// `results`: one `{"attribute"?, "result", "resultCode"}` per result.
    private static func results(_ results: [DataAccessResult], _ context: PresentationContext) -> Field {
        Field("results", .list(results.enumerated().map { index, result in
            var item: [Field] = []
            if let attribute = LNServiceJSON.element(context.requestedAttributes, index) {
                item.append(Field("attribute", LNServiceJSON.attribute(attribute)))
            }
            return .fields(item + LNServiceJSON.result(result))
        }))
    }

    public func guruxXML(_ context: PresentationContext) -> XMLNode {
        var children = LNServiceXML.invokeIdAndPriority(invokeIdAndPriority)
        let name: String
        switch self {
        case let .normal(response):
            name = "SetResponseNormal"
            children += LNServiceXML.result("Result", response.result)
        case let .dataBlock(response):
            name = "SetResponseDataBlock"
            children.append(LNServiceXML.blockNumber(response.blockNumber))
        case let .lastDataBlock(response):
            name = "SetResponseWithLastDataBlock"
            children += LNServiceXML.result("Result", response.result)
            children.append(LNServiceXML.blockNumber(response.blockNumber))
        case let .lastDataBlockWithList(response):
            name = "SetResponseLastDataBlockWithList"
            children.append(.node(
                "Result", [XMLNode.quantity(response.results.count)],
                response.results.flatMap { LNServiceXML.result("DataAccessResult", $0) }
            ))
            children.append(LNServiceXML.blockNumber(response.blockNumber))
        case let .withList(response):
            name = "SetResponseWithList"
            children.append(.node(
                "Result", [XMLAttribute("Qty", String(response.results.count))],
                response.results.flatMap { LNServiceXML.result("DataAccessResult", $0) }
            ))
        }
        return .node("SetResponse", [], [.node(name, [], children)])
    }
}
