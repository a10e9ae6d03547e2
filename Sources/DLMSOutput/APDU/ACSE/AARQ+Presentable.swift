import DLMSAPDU
import DLMSCore

/// AARQ in JSON and in the Gurux vocabulary (`<AssociationRequest>`, cases
/// 01-03): the elements in the order they were sent, each as the Gurux
/// translator names it (`ApplicationContextName`, `CallingAPTitle`,
/// `SenderACSERequirements`, `MechanismName`, `CallingAuthentication`, the
/// user-information's APDU element), with what dlmscope decodes as comments.
///
/// Where dlmscope departs from Gurux:
/// - Gurux parses the called-* elements and calling-AE-qualifier as if the
///   AARQ were an AARE (A2 as a result, A3 as a diagnostic, A7 as an integer).
///   dlmscope reads them by the standard and prints them in Gurux's names
///   (`CalledAPTitle`, `CalledAEQualifier`, `CalledAPInvocationId`,
///   `CalledAEInvocationId`, `CallingAEQualifier`, `CallingApInvocationId` with
///   Gurux's spelling, `CallingAEInvocationId`), integers as their content octets in hex.
/// - implementation-information, which Gurux skips, is `<ImplementationInformation Value="hex" />`;
///   an element the AARQ does not define is `<UnknownElement Tag="AD" Value="hex" />`.
/// - The LLS password is a secret: unless `showSecrets`, `CallingAuthentication`
///   has only `Length` (decimal) instead of `Value`. A value sent with an HLS
///   mechanism (2-7) is the challenge CtoS and is always shown.
///
/// JSON (case 02, secrets hidden):
/// ```
/// {"type": "aarq", "applicationContextName": "logical-name-referencing-no-ciphering",
///  "applicationContextNameCode": 1, "applicationContextNameOid": "2.16.756.5.8.1.1",
///  "senderAcseRequirements": ["authentication"], "mechanismName": "low-level-security",
///  "mechanismNameCode": 1, "mechanismNameOid": "2.16.756.5.8.2.1",
///  "callingAuthenticationValueLength": 8, "callingAuthenticationValueHidden": true,
///  "userInformation": {"type": "initiate-request", "responseAllowed": true, "proposedDlmsVersion": 6,
///    "proposedConformance": "401E5D", "proposedConformanceBits": ["general-protection", ...],
///    "clientMaxReceivePduSize": 65535}}
/// ```
extension AARQ: APDUPresentable {
    public var apduType: String { "aarq" }
    public var variant: String? { nil }

    /// Whether calling-authentication-value is a secret (an LLS password, or a value
    /// sent without an HLS mechanism) rather than an HLS challenge.
    var authenticationValueIsSecret: Bool { !(mechanism?.isHighLevel ?? false) }

    public func jsonFields(_ context: PresentationContext) -> [Field] {
        var fields: [Field] = []
        if let protocolVersion { fields.append(.text("protocolVersion", protocolVersion.binaryText)) }
        fields += ACSEPresentation.applicationContextFields(applicationContextName)
        fields += ACSEPresentation.bytesField("calledApTitle", calledAPTitle)
        fields += ACSEPresentation.qualifierFields("calledAeQualifier", calledAEQualifier)
        fields += ACSEPresentation.integerField("calledApInvocationId", calledAPInvocationId)
        fields += ACSEPresentation.integerField("calledAeInvocationId", calledAEInvocationId)
        fields += ACSEPresentation.bytesField("callingApTitle", callingAPTitle)
        fields += ACSEPresentation.qualifierFields("callingAeQualifier", callingAEQualifier)
        fields += ACSEPresentation.integerField("callingApInvocationId", callingAPInvocationId)
        fields += ACSEPresentation.integerField("callingAeInvocationId", callingAEInvocationId)
        fields += ACSEPresentation.requirementsField("senderAcseRequirements", senderACSERequirements)
        fields += ACSEPresentation.mechanismFields(mechanismName)
        fields += ACSEPresentation.authenticationFields(
            "callingAuthenticationValue", callingAuthenticationValue, secret: authenticationValueIsSecret, context: context)
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
        known[[0xA2]] = calledAPTitle.map { P.value("CalledAPTitle", Hex.encode($0), comment: P.systemTitleComment($0)) }
        known[[0xA3]] = calledAEQualifier.map { P.value("CalledAEQualifier", Hex.encode($0), comment: P.qualifierComment($0)) }
        known[[0xA4]] = calledAPInvocationId.map { P.integerElement("CalledAPInvocationId", $0) }
        known[[0xA5]] = calledAEInvocationId.map { P.integerElement("CalledAEInvocationId", $0) }
        known[[0xA6]] = callingAPTitle.map { P.value("CallingAPTitle", Hex.encode($0), comment: P.systemTitleComment($0)) }
        known[[0xA7]] = callingAEQualifier.map { P.value("CallingAEQualifier", Hex.encode($0), comment: P.qualifierComment($0)) }
        known[[0xA8]] = callingAPInvocationId.map { P.integerElement("CallingApInvocationId", $0) }
        known[[0xA9]] = callingAEInvocationId.map { P.integerElement("CallingAEInvocationId", $0) }
        known[[0x8A]] = senderACSERequirements.map { P.requirementsElement("SenderACSERequirements", $0) }
        known[[0x8B]] = mechanismName.map(P.mechanismElement)
        known[[0xAC]] = callingAuthenticationValue.map {
            P.authenticationElement(
                "CallingAuthentication", $0, secret: authenticationValueIsSecret,
                what: mechanism == .low ? "LLS password" : "calling-authentication-value", context: context)
        }
        known[[0x9D]] = implementationInformation.map {
            P.value("ImplementationInformation", Hex.encode($0), comment: P.printable($0))
        }
        known[[0xBE]] = userInformation.map { $0.guruxXML(context) }
        return .node("AssociationRequest", [], P.ordered(tags: writtenElementTags, known: known, others: otherElements))
    }
}
