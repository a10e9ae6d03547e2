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
extension SetResponse: APDUJSONWriting {
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
        FieldTreeBuilder.build { writeJSONMembers(context, to: &$0) }
    }

    func writeJSONMembers<S: FieldSink>(_ context: PresentationContext, to sink: inout S) {
        LNServiceJSON.invokeIdAndPriority(invokeIdAndPriority, &sink)
        switch self {
        case let .normal(response):
            LNServiceJSON.result(response.result, &sink)
        case let .dataBlock(response):
            sink.integer("blockNumber", response.blockNumber)
        case let .lastDataBlock(response):
            LNServiceJSON.result(response.result, &sink)
            sink.integer("blockNumber", response.blockNumber)
        case let .lastDataBlockWithList(response):
            Self.results(response.results, context, &sink)
            sink.integer("blockNumber", response.blockNumber)
        case let .withList(response):
            Self.results(response.results, context, &sink)
        }
    }

    /// `results`: one `{"attribute"?, "result", "resultCode"}` per result.
    private static func results<S: FieldSink>(_ results: [DataAccessResult], _ context: PresentationContext, _ sink: inout S) {
        sink.list("results") { sink in
            for (index, result) in results.enumerated() {
                sink.object(nil) { sink in
                    if let attribute = LNServiceJSON.element(context.requestedAttributes, index) {
                        LNServiceJSON.attribute("attribute", attribute, &sink)
                    }
                    LNServiceJSON.result(result, &sink)
                }
            }
        }
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
