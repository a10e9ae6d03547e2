import DLMSAPDU
import DLMSCore

/// Get-Response in Gurux's vocabulary: `GetResponseNormal`,
/// `GetResponsewithDataBlock` (sic), `GetResponseWithList`. Values are
/// annotated with what the request asked for (`context.requestedAttributes`:
/// the one attribute of a normal request, one per result of a with-list).
///
/// Deviations from Gurux (reference cases 17 and 18):
/// - with-list: Gurux drops every data-access-result (and so prints fewer
///   elements than its own `Qty`); dlmscope prints each as
///   `<DataAccessError Value="..." />` in its place, as GetResponseNormal does.
/// - with-datablock: the raw data stays `<RawData>` in hex (one block of an
///   A-XDR encoding is usually not a value by itself), but dlmscope says in a
///   comment, and in JSON (`rawDataStart`, `rawDataValue`), what the first
///   block holds: the value it begins (type, element count, how many elements
///   are complete in this block), or the whole value when the block holds one
///   (and how many bytes follow it, if any). An empty raw data is printed as
///   `<RawData Value="" />` where Gurux prints nothing.
extension GetResponse: APDUJSONWriting {
    public var apduType: String { "get-response" }

    public var variant: String? {
        switch self {
        case .normal: "normal"
        case .withDataBlock: "with-datablock"
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
            let attribute = context.requestedAttributes.first
            if let attribute { LNServiceJSON.attribute("attribute", attribute, &sink) }
            LNServiceJSON.getDataResult(response.result, context.valueContext(for: attribute), &sink)
        case let .withDataBlock(response):
            let block = response.block
            sink.boolean("lastBlock", block.lastBlock)
            sink.integer("blockNumber", block.blockNumber)
            switch block.result {
            case let .rawData(bytes, _):
                sink.bytes("rawData", bytes)
                sink.integer("rawDataLength", bytes.count)
                RawDataContent(bytes, blockNumber: block.blockNumber)?.writeMembers(&sink)
            case let .dataAccessResult(result):
                LNServiceJSON.result(result, &sink)
            }
        case let .withList(response):
            sink.list("results") { sink in
                for (index, result) in response.results.enumerated() {
                    let attribute = LNServiceJSON.element(context.requestedAttributes, index)
                    sink.object(nil) { sink in
                        if let attribute { LNServiceJSON.attribute("attribute", attribute, &sink) }
                        LNServiceJSON.getDataResult(result, context.valueContext(for: attribute), &sink)
                    }
                }
            }
        }
    }

    public func guruxXML(_ context: PresentationContext) -> XMLNode {
        var children = LNServiceXML.invokeIdAndPriority(invokeIdAndPriority)
        let name: String
        switch self {
        case let .normal(response):
            name = "GetResponseNormal"
            let attribute = context.requestedAttributes.first
            if let attribute { children.append(.comment("answers " + Self.describe(attribute))) }
            children.append(.node(
                "Result", [], LNServiceXML.getDataResult(response.result, context.valueContext(for: attribute))
            ))
        case let .withDataBlock(response):
            name = "GetResponsewithDataBlock"
            let block = response.block
            var inner: [XMLNode] = []
            switch block.result {
            case let .rawData(bytes, _):
                var comment = "\(bytes.count) bytes"
                if let content = RawDataContent(bytes, blockNumber: block.blockNumber) {
                    comment += "; " + content.summary
                }
                inner = [.comment(comment), .value("RawData", Hex.encode(bytes))]
            case let .dataAccessResult(result):
                inner = LNServiceXML.result("DataAccessResult", result)
            }
            children.append(.node("Result", [], [
                .value("LastBlock", LNServiceXML.hex(UInt8(block.lastBlock ? 1 : 0))),
                LNServiceXML.blockNumber(block.blockNumber),
                .node("Result", [], inner),
            ]))
        case let .withList(response):
            name = "GetResponseWithList"
            var results: [XMLNode] = []
            for (index, result) in response.results.enumerated() {
                let attribute = LNServiceJSON.element(context.requestedAttributes, index)
                if let attribute { results.append(.comment("answers " + Self.describe(attribute))) }
                results += LNServiceXML.getDataResult(result, context.valueContext(for: attribute))
            }
            children.append(.node("Result", [XMLNode.quantity(response.results.count)], results))
        }
        return .node("GetResponse", [], [.node(name, [], children)])
    }

    /// "Clock 0.0.1.0.0.255 attribute 2 (time)".
    static func describe(_ attribute: CosemAttributeDescriptor) -> String {
        var text = "\(InterfaceClass(id: attribute.classId)) \(attribute.instance) attribute \(attribute.attributeId)"
        if let name = attribute.attributeName { text += " (\(name))" }
        return text
    }
}
