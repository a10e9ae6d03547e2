import DLMSCore

/// AARQ, the A-ASSOCIATE request (ACSE, tag 60, BER): the client's proposal
/// of an application association (Green Book, COSEM ACSE; spec-notes §3).
///
/// ```
/// AARQ-apdu ::= [APPLICATION 0] IMPLICIT SEQUENCE {
///     protocol-version             [0]  IMPLICIT BIT STRING {version1 (0)} DEFAULT {version1},
///     application-context-name     [1]  Application-context-name,
///     called-AP-title              [2]  AP-title OPTIONAL,
///     called-AE-qualifier          [3]  AE-qualifier OPTIONAL,
///     called-AP-invocation-id      [4]  AP-invocation-identifier OPTIONAL,
///     called-AE-invocation-id      [5]  AE-invocation-identifier OPTIONAL,
///     calling-AP-title             [6]  AP-title OPTIONAL,
///     calling-AE-qualifier         [7]  AE-qualifier OPTIONAL,
///     calling-AP-invocation-id     [8]  AP-invocation-identifier OPTIONAL,
///     calling-AE-invocation-id     [9]  AE-invocation-identifier OPTIONAL,
///     sender-acse-requirements     [10] IMPLICIT ACSE-requirements OPTIONAL,
///     mechanism-name               [11] IMPLICIT Mechanism-name OPTIONAL,
///     calling-authentication-value [12] EXPLICIT Authentication-value OPTIONAL,
///     application-context-name-list [13] IMPLICIT Application-context-name-list OPTIONAL,
///     implementation-information   [29] IMPLICIT Implementation-data OPTIONAL,
///     user-information             [30] EXPLICIT Association-information OPTIONAL }
/// ```
/// DLMS puts the client's system title in calling-AP-title (`A6 0A 04 08 ...`,
/// the title the client's ciphered APDUs use in their IV), the user id in
/// calling-AE-invocation-id, a certificate in calling-AE-qualifier, the LLS
/// password or HLS challenge CtoS in calling-authentication-value, and the
/// InitiateRequest in user-information [g15-g17, a14].
///
/// Decoding is tolerant (`ACSEReader`): elements it does not know, and
/// elements whose content is not what the standard says, are kept in
/// `otherElements`; lengths and order as received are kept in `wireForm`.
public struct AARQ: Sendable, Hashable {
    public static let tag: UInt8 = 0x60

    /// protocol-version; nil when not sent (the DEFAULT, version1).
    public var protocolVersion: BERBitString?
    /// application-context-name (mandatory; nil only when a malformed AARQ lacks it).
    public var applicationContextName: BERObjectIdentifier?
    public var calledAPTitle: [UInt8]?
    public var calledAEQualifier: [UInt8]?
    public var calledAPInvocationId: BERInteger?
    public var calledAEInvocationId: BERInteger?
    /// The client's system title.
    public var callingAPTitle: [UInt8]?
    /// The client's AE qualifier: in suites 1 and 2 its signing certificate (DER).
    public var callingAEQualifier: [UInt8]?
    public var callingAPInvocationId: BERInteger?
    /// The client user id (Association LN user_list).
    public var callingAEInvocationId: BERInteger?
    /// Bit 0 (authentication) set when the client authenticates (LLS or HLS).
    public var senderACSERequirements: BERBitString?
    public var mechanismName: BERObjectIdentifier?
    /// The LLS password (a secret) or the HLS challenge CtoS.
    public var callingAuthenticationValue: AuthenticationValue?
    public var implementationInformation: [UInt8]?
    public var userInformation: UserInformation?
    /// Elements not listed above, or whose content is not what the standard says, as sent.
    public var otherElements: [BERElement]
    /// How the AARQ was written, where that is not how dlmscope writes it.
    public var wireForm: ACSEWireForm

    public init(
        protocolVersion: BERBitString? = nil,
        applicationContextName: BERObjectIdentifier? = .cosem(group: 1, value: 1),
        calledAPTitle: [UInt8]? = nil, calledAEQualifier: [UInt8]? = nil,
        calledAPInvocationId: BERInteger? = nil, calledAEInvocationId: BERInteger? = nil,
        callingAPTitle: [UInt8]? = nil, callingAEQualifier: [UInt8]? = nil,
        callingAPInvocationId: BERInteger? = nil, callingAEInvocationId: BERInteger? = nil,
        senderACSERequirements: BERBitString? = nil, mechanismName: BERObjectIdentifier? = nil,
        callingAuthenticationValue: AuthenticationValue? = nil, implementationInformation: [UInt8]? = nil,
        userInformation: UserInformation? = nil, otherElements: [BERElement] = [], wireForm: ACSEWireForm = .canonical
    ) {
        self.protocolVersion = protocolVersion
        self.applicationContextName = applicationContextName
        self.calledAPTitle = calledAPTitle
        self.calledAEQualifier = calledAEQualifier
        self.calledAPInvocationId = calledAPInvocationId
        self.calledAEInvocationId = calledAEInvocationId
        self.callingAPTitle = callingAPTitle
        self.callingAEQualifier = callingAEQualifier
        self.callingAPInvocationId = callingAPInvocationId
        self.callingAEInvocationId = callingAEInvocationId
        self.senderACSERequirements = senderACSERequirements
        self.mechanismName = mechanismName
        self.callingAuthenticationValue = callingAuthenticationValue
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

    /// Whether sender-acse-requirements has its authentication bit (0) set.
    public var requestsAuthentication: Bool { senderACSERequirements?[0] ?? false }

    /// The InitiateRequest of the user-information, when it is a plain one.
    public var initiateRequest: InitiateRequest? {
        if case let .initiateRequest(request) = userInformation { return request }
        return nil
    }
}
