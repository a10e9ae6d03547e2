import DLMSAPDU
import DLMSCore

// Access request and response specifications, shared by Access-Request and
// Access-Response.
extension AccessRequestSpecification {
    /// The Green Book alternative name without its prefix: "get", "set",
    /// "action", "get-with-selection", "set-with-selection".
    var serviceName: String {
        switch self {
        case .get: "get"
        case .set: "set"
        case .action: "action"
        case .getWithSelection: "get-with-selection"
        case .setWithSelection: "set-with-selection"
        }
    }

    /// `{"service", "attribute" | "method", "accessSelection"?}`.
    func json() -> Field.Value {
        var fields: [Field] = [.text("service", serviceName)]
        switch self {
        case let .get(attribute), let .set(attribute):
            fields.append(Field("attribute", LNServiceJSON.attribute(attribute)))
        case let .action(method):
            fields.append(Field("method", LNServiceJSON.method(method)))
        case let .getWithSelection(attribute, selection), let .setWithSelection(attribute, selection):
            fields.append(Field("attribute", LNServiceJSON.attribute(attribute)))
            fields.append(Field("accessSelection", selection.json()))
        }
        return .fields(fields)
    }

    /// `<_AccessRequestSpecification>` holding `<AccessRequestGet>` (or Set,
    /// Action, GetWithSelection, SetWithSelection) with its descriptor.
    func guruxXML() -> XMLNode {
        let inner: XMLNode
        switch self {
        case let .get(attribute):
            inner = .node("AccessRequestGet", [], [LNServiceXML.attributeDescriptor(attribute)])
        case let .set(attribute):
            inner = .node("AccessRequestSet", [], [LNServiceXML.attributeDescriptor(attribute)])
        case let .action(method):
            inner = .node("AccessRequestAction", [], [LNServiceXML.methodDescriptor(method)])
        case let .getWithSelection(attribute, selection):
            inner = .node("AccessRequestGetWithSelection", [], [
                LNServiceXML.attributeDescriptor(attribute), selection.guruxXML(),
            ])
        case let .setWithSelection(attribute, selection):
            inner = .node("AccessRequestSetWithSelection", [], [
                LNServiceXML.attributeDescriptor(attribute), selection.guruxXML(),
            ])
        }
        return .node("_AccessRequestSpecification", [], [inner])
    }

    /// `<AccessRequestSpecification Qty>` of the specifications.
    static func guruxList(_ specifications: [AccessRequestSpecification]) -> XMLNode {
        .node("AccessRequestSpecification", [XMLNode.quantity(specifications.count)], specifications.map { $0.guruxXML() })
    }
}
