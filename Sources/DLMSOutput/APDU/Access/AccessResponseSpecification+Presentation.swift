import DLMSAPDU
import DLMSCore

extension AccessResponseSpecification {
    var serviceName: String {
        switch self {
        case .get: "get"
        case .set: "set"
        case .action: "action"
        }
    }

    /// `{"service", "result", "resultCode"}`.
    func json() -> Field.Value {
        var fields: [Field] = [.text("service", serviceName)]
        switch self {
        case let .get(result), let .set(result): fields += LNServiceJSON.result(result)
        case let .action(result): fields += LNServiceJSON.result(result)
        }
        return .fields(fields)
    }

    /// `<_AccessResponseSpecification>` holding `<AccessResponseGet>` (or
    /// Set, Action) with its `<Result>`.
    func guruxXML() -> XMLNode {
        let inner: XMLNode
        switch self {
        case let .get(result): inner = .node("AccessResponseGet", [], LNServiceXML.result("Result", result))
        case let .set(result): inner = .node("AccessResponseSet", [], LNServiceXML.result("Result", result))
        case let .action(result): inner = .node("AccessResponseAction", [], LNServiceXML.result("Result", result))
        }
        return .node("_AccessResponseSpecification", [], [inner])
    }
}
