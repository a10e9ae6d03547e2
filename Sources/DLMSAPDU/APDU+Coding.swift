import DLMSCore

extension APDU {
    /// The outcome of decoding bytes as an APDU.
    public struct Decoding: Sendable {
        public var apdu: APDU
        /// Quirks worked around (findings without a packet; offsets are absolute).
        public var notes: [Finding]
        /// Bytes after the APDU (the caller reports them as `apdu-trailing-bytes`).
        public var remaining: ArraySlice<UInt8>
    }

    /// Decodes one APDU from the start of `bytes`; throws when it is not one.
    public static func decode(_ bytes: ArraySlice<UInt8>) throws(DecodingError) -> Decoding {
        var reader = ByteReader(bytes)
        var notes = DecodingNotes()
        let apdu = try decode(from: &reader, notes: &notes)
        return Decoding(apdu: apdu, notes: notes.findings, remaining: reader.remaining)
    }

    /// Decodes the APDU at the reader's position, choosing its type by the tag.
    public static func decode(from reader: inout ByteReader, notes: inout DecodingNotes) throws(DecodingError) -> APDU {
        guard let tag = reader.peekUInt8() else { throw DecodingError("empty APDU", at: reader.position) }
        switch tag {
        case AARQ.tag: return .aarq(try AARQ(from: &reader, notes: &notes))
        case AARE.tag: return .aare(try AARE(from: &reader, notes: &notes))
        case RLRQ.tag: return .rlrq(try RLRQ(from: &reader, notes: &notes))
        case RLRE.tag: return .rlre(try RLRE(from: &reader, notes: &notes))
        case InitiateRequest.tag: return .initiateRequest(try InitiateRequest(from: &reader, notes: &notes))
        case InitiateResponse.tag: return .initiateResponse(try InitiateResponse(from: &reader, notes: &notes))
        case ConfirmedServiceError.tag: return .confirmedServiceError(try ConfirmedServiceError(from: &reader, notes: &notes))
        case ExceptionResponse.tag: return .exceptionResponse(try ExceptionResponse(from: &reader, notes: &notes))
        case GetRequest.tag: return .getRequest(try GetRequest(from: &reader, notes: &notes))
        case GetResponse.tag: return .getResponse(try GetResponse(from: &reader, notes: &notes))
        case SetRequest.tag: return .setRequest(try SetRequest(from: &reader, notes: &notes))
        case SetResponse.tag: return .setResponse(try SetResponse(from: &reader, notes: &notes))
        case ActionRequest.tag: return .actionRequest(try ActionRequest(from: &reader, notes: &notes))
        case ActionResponse.tag: return .actionResponse(try ActionResponse(from: &reader, notes: &notes))
        case EventNotificationRequest.tag:
            return .eventNotificationRequest(try EventNotificationRequest(from: &reader, notes: &notes))
        case DataNotification.tag: return .dataNotification(try DataNotification(from: &reader, notes: &notes))
        case AccessRequest.tag: return .accessRequest(try AccessRequest(from: &reader, notes: &notes))
        case AccessResponse.tag: return .accessResponse(try AccessResponse(from: &reader, notes: &notes))
        case GeneralBlockTransfer.tag: return .generalBlockTransfer(try GeneralBlockTransfer(from: &reader, notes: &notes))
        case ReadRequest.tag: return .readRequest(try ReadRequest(from: &reader, notes: &notes))
        case ReadResponse.tag: return .readResponse(try ReadResponse(from: &reader, notes: &notes))
        case WriteRequest.tag: return .writeRequest(try WriteRequest(from: &reader, notes: &notes))
        case WriteResponse.tag: return .writeResponse(try WriteResponse(from: &reader, notes: &notes))
        case UnconfirmedWriteRequest.tag:
            return .unconfirmedWriteRequest(try UnconfirmedWriteRequest(from: &reader, notes: &notes))
        case InformationReportRequest.tag:
            return .informationReportRequest(try InformationReportRequest(from: &reader, notes: &notes))
        case GeneralCiphering.tag: return .generalCiphering(try GeneralCiphering(from: &reader, notes: &notes))
        case GeneralSigning.tag: return .generalSigning(try GeneralSigning(from: &reader, notes: &notes))
        case _ where GeneralGloDedCiphering.tags.contains(tag):
            return .generalGloDedCiphering(try GeneralGloDedCiphering(from: &reader, notes: &notes))
        case _ where ServiceSpecificCipheredAPDU.tags.contains(tag):
            return .ciphered(try ServiceSpecificCipheredAPDU(from: &reader, notes: &notes))
        default:
            throw DecodingError("no APDU has the tag \(Hex.encode([tag]))", at: reader.position)
        }
    }

    /// Appends the APDU's encoding, tag included.
    public func encode(into bytes: inout [UInt8]) {
        switch self {
        case let .aarq(apdu): apdu.encode(into: &bytes)
        case let .aare(apdu): apdu.encode(into: &bytes)
        case let .rlrq(apdu): apdu.encode(into: &bytes)
        case let .rlre(apdu): apdu.encode(into: &bytes)
        case let .initiateRequest(apdu): apdu.encode(into: &bytes)
        case let .initiateResponse(apdu): apdu.encode(into: &bytes)
        case let .confirmedServiceError(apdu): apdu.encode(into: &bytes)
        case let .exceptionResponse(apdu): apdu.encode(into: &bytes)
        case let .getRequest(apdu): apdu.encode(into: &bytes)
        case let .getResponse(apdu): apdu.encode(into: &bytes)
        case let .setRequest(apdu): apdu.encode(into: &bytes)
        case let .setResponse(apdu): apdu.encode(into: &bytes)
        case let .actionRequest(apdu): apdu.encode(into: &bytes)
        case let .actionResponse(apdu): apdu.encode(into: &bytes)
        case let .eventNotificationRequest(apdu): apdu.encode(into: &bytes)
        case let .dataNotification(apdu): apdu.encode(into: &bytes)
        case let .accessRequest(apdu): apdu.encode(into: &bytes)
        case let .accessResponse(apdu): apdu.encode(into: &bytes)
        case let .generalBlockTransfer(apdu): apdu.encode(into: &bytes)
        case let .readRequest(apdu): apdu.encode(into: &bytes)
        case let .readResponse(apdu): apdu.encode(into: &bytes)
        case let .writeRequest(apdu): apdu.encode(into: &bytes)
        case let .writeResponse(apdu): apdu.encode(into: &bytes)
        case let .unconfirmedWriteRequest(apdu): apdu.encode(into: &bytes)
        case let .informationReportRequest(apdu): apdu.encode(into: &bytes)
        case let .ciphered(apdu): apdu.encode(into: &bytes)
        case let .generalGloDedCiphering(apdu): apdu.encode(into: &bytes)
        case let .generalCiphering(apdu): apdu.encode(into: &bytes)
        case let .generalSigning(apdu): apdu.encode(into: &bytes)
        }
    }

    /// The APDU's encoding.
    public var encoded: [UInt8] {
        var bytes: [UInt8] = []
        encode(into: &bytes)
        return bytes
    }
}
