import DLMSAPDU
import DLMSCore

extension APDU: APDUPresentable {
    /// The presentable value inside the case.
    var presentable: any APDUPresentable {
        switch self {
        case let .aarq(apdu): apdu
        case let .aare(apdu): apdu
        case let .rlrq(apdu): apdu
        case let .rlre(apdu): apdu
        case let .initiateRequest(apdu): apdu
        case let .initiateResponse(apdu): apdu
        case let .confirmedServiceError(apdu): apdu
        case let .exceptionResponse(apdu): apdu
        case let .getRequest(apdu): apdu
        case let .getResponse(apdu): apdu
        case let .setRequest(apdu): apdu
        case let .setResponse(apdu): apdu
        case let .actionRequest(apdu): apdu
        case let .actionResponse(apdu): apdu
        case let .eventNotificationRequest(apdu): apdu
        case let .dataNotification(apdu): apdu
        case let .accessRequest(apdu): apdu
        case let .accessResponse(apdu): apdu
        case let .generalBlockTransfer(apdu): apdu
        case let .readRequest(apdu): apdu
        case let .readResponse(apdu): apdu
        case let .writeRequest(apdu): apdu
        case let .writeResponse(apdu): apdu
        case let .unconfirmedWriteRequest(apdu): apdu
        case let .informationReportRequest(apdu): apdu
        case let .ciphered(apdu): apdu
        case let .generalGloDedCiphering(apdu): apdu
        case let .generalCiphering(apdu): apdu
        case let .generalSigning(apdu): apdu
        }
    }

    public var apduType: String { presentable.apduType }
    public var variant: String? { presentable.variant }
    public func jsonFields(_ context: PresentationContext) -> [Field] { presentable.jsonFields(context) }
    public func guruxXML(_ context: PresentationContext) -> XMLNode { presentable.guruxXML(context) }
}
