import DLMSAPDU
import DLMSCore

/// UnconfirmedWriteRequest: Gurux has no element for it; dlmscope prints the
/// WriteRequest children in `<UnconfirmedWriteRequest>`.
extension UnconfirmedWriteRequest: APDUPresentable {
    public var apduType: String { "unconfirmed-write-request" }
    public var variant: String? { nil }

    public func jsonFields(_ context: PresentationContext) -> [Field] {
        SNWriteBody.jsonFields(variableAccessSpecifications, listOfData)
    }

    public func guruxXML(_ context: PresentationContext) -> XMLNode {
        .node("UnconfirmedWriteRequest", [], SNWriteBody.guruxXML(variableAccessSpecifications, listOfData))
    }
}
