import DLMSAPDU
import DLMSCore

/// Access-Request in Gurux's vocabulary (reference case 80):
/// `<LongInvokeIdAndPriority>`, `<DateTime>`, `<AccessRequestBody>` with
/// `<AccessRequestSpecification Qty>` (each `<_AccessRequestSpecification>`
/// holding `<AccessRequestGet>`, `<AccessRequestSet>` or
/// `<AccessRequestAction>`) and `<AccessRequestListOfData Qty>`. The value
/// at each index of the list of data is annotated as a value of the
/// attribute at the same index.
///
/// Where Gurux is wrong or silent: it prints an action's method descriptor
/// as an `<AttributeDescriptor>`, it cannot read get/set-with-selection
/// (choices 4 and 5: it raises), and it writes the specification count as
/// the list of data's `Qty`. dlmscope prints `<MethodDescriptor>` for
/// actions, `<AccessRequestGetWithSelection>` / `<AccessRequestSetWithSelection>`
/// holding the descriptor and its `<AccessSelection>`, and each list's own count.
extension AccessRequest: APDUPresentable {
    public var apduType: String { "access-request" }
    public var variant: String? { nil }

    public func jsonFields(_ context: PresentationContext) -> [Field] {
        var fields = LNServiceJSON.longInvokeIdAndPriority(longInvokeIdAndPriority)
        fields += LNServiceJSON.dateTime(LNServiceJSON.dateTimeKeys, dateTime)
        fields.append(Field("specifications", .list(specifications.map { $0.json() })))
        fields.append(Field("data", .list(data.enumerated().map { index, value in
            value.json(context.valueContext(for: LNServiceJSON.element(specifications, index)?.attribute))
        })))
        return fields
    }

    public func guruxXML(_ context: PresentationContext) -> XMLNode {
        var children = LNServiceXML.longInvokeIdAndPriority(longInvokeIdAndPriority)
        children += LNServiceXML.dateTime("DateTime", dateTime)
        let values = data.enumerated().flatMap { index, value in
            value.guruxXML(context.valueContext(for: LNServiceJSON.element(specifications, index)?.attribute))
        }
        children.append(.node("AccessRequestBody", [], [
            AccessRequestSpecification.guruxList(specifications),
            .node("AccessRequestListOfData", [XMLNode.quantity(data.count)], values),
        ]))
        return .node("AccessRequest", [], children)
    }
}
