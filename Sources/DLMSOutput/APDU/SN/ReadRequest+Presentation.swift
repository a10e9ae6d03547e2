import DLMSAPDU
import DLMSCore

/// ReadRequest as Gurux prints it (reference case 34):
/// `<ReadRequest Qty="01" ><VariableName Value="FA08" /></ReadRequest>`,
/// one element per variable-access-specification.
extension ReadRequest: APDUPresentable {
    public var apduType: String { "read-request" }
    public var variant: String? { nil }

    public func jsonFields(_ context: PresentationContext) -> [Field] {
        [Field("variables", .list(variableAccessSpecifications.map { $0.json() }))]
    }

    public func guruxXML(_ context: PresentationContext) -> XMLNode {
        .node("ReadRequest", [XMLNode.quantity(variableAccessSpecifications.count)],
              variableAccessSpecifications.map(\.guruxXML))
    }
}
