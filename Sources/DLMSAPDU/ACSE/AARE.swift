import DLMSCore

/// AARE, the A-ASSOCIATE response (ACSE, tag 61, BER): the server's answer
/// to an AARQ (Green Book, COSEM ACSE; spec-notes §3).
///
/// ```
/// AARE-apdu ::= [APPLICATION 1] IMPLICIT SEQUENCE {
///     protocol-version                [0]  IMPLICIT BIT STRING {version1 (0)} DEFAULT {version1},
///     application-context-name        [1]  Application-context-name,
///     result                          [2]  Association-result,
///     result-source-diagnostic        [3]  Associate-source-diagnostic,
///     responding-AP-title             [4]  AP-title OPTIONAL,
///     responding-AE-qualifier         [5]  AE-qualifier OPTIONAL,
///     responding-AP-invocation-id     [6]  AP-invocation-identifier OPTIONAL,
///     responding-AE-invocation-id     [7]  AE-invocation-identifier OPTIONAL,
///     responder-acse-requirements     [8]  IMPLICIT ACSE-requirements OPTIONAL,
///     mechanism-name                  [9]  IMPLICIT Mechanism-name OPTIONAL,
///     responding-authentication-value [10] EXPLICIT Authentication-value OPTIONAL,
///     application-context-name-list   [11] IMPLICIT Application-context-name-list OPTIONAL,
///     implementation-information      [29] IMPLICIT Implementation-data OPTIONAL,
///     user-information                [30] EXPLICIT Association-information OPTIONAL }
/// ```
/// DLMS puts the server's system title in responding-AP-title (the title its
/// ciphered APDUs use in their IV), the HLS challenge StoC in
/// responding-authentication-value, and an InitiateResponse (or, when the
/// InitiateRequest is refused, a confirmed-service-error) in user-information
/// [g18-g20]. Decoding is tolerant as for `AARQ`.
public struct AARE: Sendable, Hashable {
    public static let tag: UInt8 = 0x61

    public var protocolVersion: BERBitString?
    /// application-context-name (mandatory; nil only when a malformed AARE lacks it).
    public var applicationContextName: BERObjectIdentifier?
    /// result (mandatory; nil only when a malformed AARE lacks it).
    public var result: AssociationResult?
    /// result-source-diagnostic (mandatory; nil only when a malformed AARE lacks it).
    public var resultSourceDiagnostic: AssociateSourceDiagnostic?
    /// The server's system title.
    public var respondingAPTitle: [UInt8]?
    /// The server's AE qualifier: in suites 1 and 2 its signing certificate (DER).
    public var respondingAEQualifier: [UInt8]?
    public var respondingAPInvocationId: BERInteger?
    public var respondingAEInvocationId: BERInteger?
    public var responderACSERequirements: BERBitString?
    public var mechanismName: BERObjectIdentifier?
    /// The HLS challenge StoC.
    public var respondingAuthenticationValue: AuthenticationValue?
    public var implementationInformation: [UInt8]?
    public var userInformation: UserInformation?
    /// Elements not listed above, or whose content is not what the standard says, as sent.
    public var otherElements: [BERElement]
    /// How the AARE was written, where that is not how dlmscope writes it.
    public var wireForm: ACSEWireForm

    public init(
        protocolVersion: BERBitString? = nil,
        applicationContextName: BERObjectIdentifier? = .cosem(group: 1, value: 1),
        result: AssociationResult? = .accepted,
        resultSourceDiagnostic: AssociateSourceDiagnostic? = .serviceUser(.null),
        respondingAPTitle: [UInt8]? = nil, respondingAEQualifier: [UInt8]? = nil,
        respondingAPInvocationId: BERInteger? = nil, respondingAEInvocationId: BERInteger? = nil,
        responderACSERequirements: BERBitString? = nil, mechanismName: BERObjectIdentifier? = nil,
        respondingAuthenticationValue: AuthenticationValue? = nil, implementationInformation: [UInt8]? = nil,
        userInformation: UserInformation? = nil, otherElements: [BERElement] = [], wireForm: ACSEWireForm = .canonical
    ) {
        self.protocolVersion = protocolVersion
        self.applicationContextName = applicationContextName
        self.result = result
        self.resultSourceDiagnostic = resultSourceDiagnostic
        self.respondingAPTitle = respondingAPTitle
        self.respondingAEQualifier = respondingAEQualifier
        self.respondingAPInvocationId = respondingAPInvocationId
        self.respondingAEInvocationId = respondingAEInvocationId
        self.responderACSERequirements = responderACSERequirements
        self.mechanismName = mechanismName
        self.respondingAuthenticationValue = respondingAuthenticationValue
        self.implementationInformation = implementationInformation
        self.userInformation = userInformation
        self.otherElements = otherElements
        self.wireForm = wireForm
    }

    /// The COSEM application context, when application-context-name is one (2.16.756.5.8.1.x).
    public var applicationContext: ApplicationContextName? {
        applicationContextName.flatMap { ApplicationContextName(objectIdentifier: $0.contentOctets) }
    }

    /// The COSEM authentication mechanism, when mechanism-name is one (2.16.756.5.8.2.x).
    public var mechanism: AuthenticationMechanism? {
        mechanismName.flatMap { AuthenticationMechanism(objectIdentifier: $0.contentOctets) }
    }

    /// Whether the association was accepted.
    public var isAccepted: Bool { result == .accepted }

    /// The InitiateResponse of the user-information, when it is a plain one.
    public var initiateResponse: InitiateResponse? {
        if case let .initiateResponse(response) = userInformation { return response }
        return nil
    }
}
