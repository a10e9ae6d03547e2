import DLMSAPDU
import DLMSCore

/// WriteRequest as Gurux prints it:
///
/// ```
/// <WriteRequest>
///   <ListOfVariableAccessSpecification Qty="01" >
///     <VariableName Value="FA10" />
///   </ListOfVariableAccessSpecification>
///   <ListOfData Qty="01" >
///     <UInt8 Value="05" />
///   </ListOfData>
/// </WriteRequest>
/// ```
extension WriteRequest: APDUPresentable {
    public var apduType: String { "write-request" }
    public var variant: String? { nil }

    public func jsonFields(_ context: PresentationContext) -> [Field] {
        SNWriteBody.jsonFields(variableAccessSpecifications, listOfData)
    }

    public func guruxXML(_ context: PresentationContext) -> XMLNode {
        .node("WriteRequest", [], SNWriteBody.guruxXML(variableAccessSpecifications, listOfData))
    }
}
