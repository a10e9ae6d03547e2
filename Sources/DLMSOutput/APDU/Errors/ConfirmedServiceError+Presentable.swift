import DLMSAPDU
import DLMSCore

/// confirmed-service-error in JSON and in the Gurux vocabulary:
///
/// ```
/// <ConfirmedServiceError>
///   <Service Value="01" />
///   <ServiceError><Initiate Value="DlmsVersionTooLow" /></ServiceError>
/// </ConfirmedServiceError>
/// ```
/// (reference cases 05 and 31). For alternatives the Green Book defines and
/// Gurux does not (change-scope 8, task 9, other 10: Gurux shifts them), and
/// for values it cannot name (it raises), dlmscope prints the standard's
/// alternative and the value in hex; an alternative the standard does not
/// define is `<UnknownServiceError Group="0B" Value="09" />`.
///
/// JSON: `"service": "initiate-error", "serviceCode": 1, "serviceError": "initiate",
/// "serviceErrorCode": 6, "error": "dlms-version-too-low", "errorCode": 1`.
extension ConfirmedServiceError: APDUPresentable {
    public var apduType: String { "confirmed-service-error" }
    public var variant: String? { nil }

    public func jsonFields(_ context: PresentationContext) -> [Field] {
        var fields: [Field] = []
        if let name = service.name { fields.append(.text("service", name)) }
        fields.append(.integer("serviceCode", service.rawValue))
        if let name = errorGroup.name { fields.append(.text("serviceError", name)) }
        fields.append(.integer("serviceErrorCode", errorGroup.rawValue))
        if let name = errorName { fields.append(.text("error", name)) }
        fields.append(.integer("errorCode", error))
        return fields
    }

    public func guruxXML(_ context: PresentationContext) -> XMLNode {
        let detail: XMLNode = if let element = errorGroup.guruxElementName {
            .value(element, errorGroup.guruxValueName(error))
        } else {
            .element("UnknownServiceError", attributes: [
                XMLAttribute("Group", ACSEPresentation.hex(errorGroup.rawValue)), XMLAttribute("Value", ACSEPresentation.hex(error)),
            ], children: [])
        }
        let explanation = "\(service.name ?? "undefined service") failed: \(errorGroup.name ?? "undefined group") / "
            + (errorName ?? "undefined error \(error)")
        return .node("ConfirmedServiceError", [], [
            .comment(explanation),
            .value("Service", ACSEPresentation.hex(service.rawValue)),
            .node("ServiceError", [], [detail]),
        ])
    }
}
