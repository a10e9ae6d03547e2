import DLMSCore

/// Any xDLMS or ACSE APDU (Green Book, the XDLMS-APDU and ACSE-APDU choices).
public indirect enum APDU: Sendable, Hashable {
    // ACSE
    case aarq(AARQ)
    case aare(AARE)
    case rlrq(RLRQ)
    case rlre(RLRE)
    // xDLMS initiate and errors
    case initiateRequest(InitiateRequest)
    case initiateResponse(InitiateResponse)
    case confirmedServiceError(ConfirmedServiceError)
    case exceptionResponse(ExceptionResponse)
    // LN referencing
    case getRequest(GetRequest)
    case getResponse(GetResponse)
    case setRequest(SetRequest)
    case setResponse(SetResponse)
    case actionRequest(ActionRequest)
    case actionResponse(ActionResponse)
    case eventNotificationRequest(EventNotificationRequest)
    case dataNotification(DataNotification)
    case accessRequest(AccessRequest)
    case accessResponse(AccessResponse)
    case generalBlockTransfer(GeneralBlockTransfer)
    // SN referencing
    case readRequest(ReadRequest)
    case readResponse(ReadResponse)
    case writeRequest(WriteRequest)
    case writeResponse(WriteResponse)
    case unconfirmedWriteRequest(UnconfirmedWriteRequest)
    case informationReportRequest(InformationReportRequest)
    // Ciphered envelopes
    case ciphered(ServiceSpecificCipheredAPDU)
    case generalGloDedCiphering(GeneralGloDedCiphering)
    case generalCiphering(GeneralCiphering)
    case generalSigning(GeneralSigning)

    /// The APDU's first byte.
    public var tag: UInt8 {
        switch self {
        case .aarq: AARQ.tag
        case .aare: AARE.tag
        case .rlrq: RLRQ.tag
        case .rlre: RLRE.tag
        case .initiateRequest: InitiateRequest.tag
        case .initiateResponse: InitiateResponse.tag
        case .confirmedServiceError: ConfirmedServiceError.tag
        case .exceptionResponse: ExceptionResponse.tag
        case .getRequest: GetRequest.tag
        case .getResponse: GetResponse.tag
        case .setRequest: SetRequest.tag
        case .setResponse: SetResponse.tag
        case .actionRequest: ActionRequest.tag
        case .actionResponse: ActionResponse.tag
        case .eventNotificationRequest: EventNotificationRequest.tag
        case .dataNotification: DataNotification.tag
        case .accessRequest: AccessRequest.tag
        case .accessResponse: AccessResponse.tag
        case .generalBlockTransfer: GeneralBlockTransfer.tag
        case .readRequest: ReadRequest.tag
        case .readResponse: ReadResponse.tag
        case .writeRequest: WriteRequest.tag
        case .writeResponse: WriteResponse.tag
        case .unconfirmedWriteRequest: UnconfirmedWriteRequest.tag
        case .informationReportRequest: InformationReportRequest.tag
        case let .ciphered(apdu): apdu.tag
        case let .generalGloDedCiphering(apdu): apdu.tag
        case .generalCiphering: GeneralCiphering.tag
        case .generalSigning: GeneralSigning.tag
        }
    }

    /// Whether the APDU is a ciphered or signed envelope.
    public var isProtected: Bool {
        switch self {
        case .ciphered, .generalGloDedCiphering, .generalCiphering, .generalSigning: true
        default: false
        }
    }
}
