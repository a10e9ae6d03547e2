import DLMSAPDU
import DLMSCore

/// Access-Response in Gurux's vocabulary (reference case 81):
/// `<LongInvokeIdAndPriority>`, `<DateTime>`, `<AccessResponseBody>` with
/// `<AccessResponseListOfData Qty>` and `<AccessResponseSpecification Qty>`
/// (each `<_AccessResponseSpecification>` holding `<AccessResponseGet>`,
/// `-Set` or `-Action` with its `<Result>`). The values are annotated with
/// the attributes they answer: the repeated request specifications when the
/// server sends them, else `context.requestedAttributes` by index.
///
/// Where Gurux is wrong: it skips the presence flag of the OPTIONAL
/// access-request-specification without reading the list when it is there,
/// and reads a second result byte after any result other than success.
/// dlmscope prints a repeated specification list as
/// `<AccessRequestSpecification Qty>` first in the body, and one result byte
/// per response, as the Green Book defines.
extension AccessResponse: APDUPresentable {
    public var apduType: String { "access-response" }
    public var variant: String? { nil }

    /// The attribute the value at `index` answers.
    private func attribute(at index: Int, _ context: PresentationContext) -> CosemAttributeDescriptor? {
        if let requestSpecifications { return LNServiceJSON.element(requestSpecifications, index)?.attribute }
        return LNServiceJSON.element(context.requestedAttributes, index)
    }

    public func jsonFields(_ context: PresentationContext) -> [Field] {
        var fields = LNServiceJSON.longInvokeIdAndPriority(longInvokeIdAndPriority)
        fields += LNServiceJSON.dateTime(LNServiceJSON.dateTimeKeys, dateTime)
        if let requestSpecifications {
            fields.append(Field("requestSpecifications", .list(requestSpecifications.map { $0.json() })))
        }
        fields.append(Field("data", .list(data.enumerated().map { index, value in
            value.json(context.valueContext(for: attribute(at: index, context)))
        })))
        fields.append(Field("responses", .list(responses.map { $0.json() })))
        return fields
    }

    public func guruxXML(_ context: PresentationContext) -> XMLNode {
        var children = LNServiceXML.longInvokeIdAndPriority(longInvokeIdAndPriority)
        children += LNServiceXML.dateTime("DateTime", dateTime)
        var body: [XMLNode] = []
        if let requestSpecifications { body.append(AccessRequestSpecification.guruxList(requestSpecifications)) }
        let values = data.enumerated().flatMap { index, value in
            value.guruxXML(context.valueContext(for: attribute(at: index, context)))
        }
        body.append(.node("AccessResponseListOfData", [XMLNode.quantity(data.count)], values))
        body.append(.node(
            "AccessResponseSpecification", [XMLNode.quantity(responses.count)], responses.map { $0.guruxXML() }
        ))
        children.append(.node("AccessResponseBody", [], body))
        return .node("AccessResponse", [], children)
    }
}
