import DLMSAPDU
import DLMSCore

/// InformationReportRequest as Gurux prints it:
///
/// ```
/// <InformationReportRequest>
///   <!--2024-03-15T13:00:00Z-->
///   <CurrentTime Value="07E8030F050E000000FFC400" />
///   <ListOfVariableAccessSpecification Qty="01" >
///     <VariableName Value="FA08" />
///   </ListOfVariableAccessSpecification>
///   <ListOfData Qty="01" >
///     ...
///   </ListOfData>
/// </InformationReportRequest>
/// ```
///
/// `CurrentTime` only when a time is present. Gurux writes the
/// specification count as the list-of-data's `Qty`; dlmscope writes the
/// number of values.
extension InformationReportRequest: APDUPresentable {
    public var apduType: String { "information-report-request" }
    public var variant: String? { nil }

    public func jsonFields(_ context: PresentationContext) -> [Field] {
        var fields: [Field] = [Field("currentTime", currentTime.isEmpty ? .null : .bytes(currentTime.bytes))]
        if let text = EnvelopeFields.dateTimeText(currentTime.bytes) { fields.append(.text("currentTimeDecoded", text)) }
        return fields + SNWriteBody.jsonFields(variableAccessSpecifications, listOfData)
    }

    public func guruxXML(_ context: PresentationContext) -> XMLNode {
        var children: [XMLNode] = []
        if !currentTime.isEmpty {
            if let text = EnvelopeFields.dateTimeText(currentTime.bytes) { children.append(.comment(text)) }
            children.append(.value("CurrentTime", Hex.encode(currentTime.bytes)))
        }
        return .node("InformationReportRequest", [], children + SNWriteBody.guruxXML(variableAccessSpecifications, listOfData))
    }
}
