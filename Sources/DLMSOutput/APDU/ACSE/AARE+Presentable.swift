import DLMSAPDU
import DLMSCore

/// AARE in JSON and in the Gurux vocabulary (`<AssociationResponse>`, cases
/// 04-06): `ApplicationContextName`, `AssociationResult`,
/// `<ResultSourceDiagnostic><ACSEServiceUser Value="0D" /></ResultSourceDiagnostic>`,
/// `RespondingAPTitle`, `ResponderACSERequirement`, `MechanismName`,
/// `RespondingAuthentication` and the user-information's APDU element, in
/// the order they were sent, with names and decoded meaning as comments.
///
/// Where dlmscope departs from Gurux:
/// - Gurux prints an acse-service-provider diagnostic as `ACSEServiceUser`;
///   dlmscope prints `<ACSEServiceProvider Value="02" />`.
/// - Gurux has no names for responding-AE-qualifier and
///   responding-AP-invocation-id; dlmscope uses `RespondingAEQualifier` and
///   `RespondingAPInvocationId` (Gurux's `RespondingAEInvocationId` for A7).
/// - implementation-information and unknown elements as for `AARQ`.
/// responding-authentication-value is the HLS challenge StoC and is always shown.
///
/// JSON (case 05):
/// ```
/// {"type": "aare", "applicationContextName": "logical-name-referencing-no-ciphering", ...,
///  "result": "rejected-permanent", "resultCode": 1, "resultSource": "acse-service-user",
///  "diagnostic": "authentication-failure", "diagnosticCode": 13,
///  "userInformation": {"type": "confirmed-service-error", "service": "initiate-error", ...}}
/// ```
extension AARE: APDUPresentable {
    public var apduType: String { "aare" }
    public var variant: String? { nil }

    public func jsonFields(_ context: PresentationContext) -> [Field] {
        var fields: [Field] = []
        if let protocolVersion { fields.append(.text("protocolVersion", protocolVersion.binaryText)) }
        fields += ACSEPresentation.applicationContextFields(applicationContextName)
        if let result {
            if let name = result.name { fields.append(.text("result", name)) }
            fields.append(.integer("resultCode", result.rawValue))
        }
        if let diagnostic = resultSourceDiagnostic {
            fields.append(.text("resultSource", diagnostic.sourceName))
            if let name = diagnostic.name { fields.append(.text("diagnostic", name)) }
            fields.append(.integer("diagnosticCode", diagnostic.value))
        }
        fields += ACSEPresentation.bytesField("respondingApTitle", respondingAPTitle)
        fields += ACSEPresentation.qualifierFields("respondingAeQualifier", respondingAEQualifier)
        fields += ACSEPresentation.integerField("respondingApInvocationId", respondingAPInvocationId)
        fields += ACSEPresentation.integerField("respondingAeInvocationId", respondingAEInvocationId)
        fields += ACSEPresentation.requirementsField("responderAcseRequirements", responderACSERequirements)
        fields += ACSEPresentation.mechanismFields(mechanismName)
        fields += ACSEPresentation.authenticationFields(
            "respondingAuthenticationValue", respondingAuthenticationValue, secret: false, context: context)
        fields += ACSEPresentation.bytesField("implementationInformation", implementationInformation)
        fields += ACSEPresentation.userInformationField(userInformation, context)
        fields += ACSEPresentation.otherElementsField(otherElements)
        return fields
    }

    public func guruxXML(_ context: PresentationContext) -> XMLNode {
        typealias P = ACSEPresentation
        var known: [[UInt8]: [XMLNode]] = [:]
        known[[0x80]] = protocolVersion.map(P.protocolVersionElement)
        known[[0xA1]] = applicationContextName.map(P.applicationContextElement)
        known[[0xA2]] = result.map { P.value("AssociationResult", P.hex($0.rawValue), comment: $0.description) }
        known[[0xA3]] = resultSourceDiagnostic.map { diagnostic in
            let name = diagnostic.source == 1 ? "ACSEServiceUser" : "ACSEServiceProvider"
            let comment = "\(diagnostic.sourceName): \(diagnostic.name ?? "unknown (\(diagnostic.value))")"
            return [.node("ResultSourceDiagnostic", [], P.value(name, P.hex(diagnostic.value), comment: comment))]
        }
        known[[0xA4]] = respondingAPTitle.map { P.value("RespondingAPTitle", Hex.encode($0), comment: P.systemTitleComment($0)) }
        known[[0xA5]] = respondingAEQualifier.map { P.value("RespondingAEQualifier", Hex.encode($0), comment: P.qualifierComment($0)) }
        known[[0xA6]] = respondingAPInvocationId.map { P.integerElement("RespondingAPInvocationId", $0) }
        known[[0xA7]] = respondingAEInvocationId.map { P.integerElement("RespondingAEInvocationId", $0) }
        known[[0x88]] = responderACSERequirements.map { P.requirementsElement("ResponderACSERequirement", $0) }
        known[[0x89]] = mechanismName.map(P.mechanismElement)
        known[[0xAA]] = respondingAuthenticationValue.map {
            P.authenticationElement("RespondingAuthentication", $0, secret: false, what: "StoC", context: context)
        }
        known[[0x9D]] = implementationInformation.map {
            P.value("ImplementationInformation", Hex.encode($0), comment: P.printable($0))
        }
        known[[0xBE]] = userInformation.map { $0.guruxXML(context) }
        return .node("AssociationResponse", [], P.ordered(tags: writtenElementTags, known: known, others: otherElements))
    }
}
