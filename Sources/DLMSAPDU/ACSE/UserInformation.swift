import DLMSCore

/// What the user-information of an ACSE APDU carries (`BE len 04 len` + an
/// xDLMS APDU, Green Book Association-information).
///
/// The AARQ and RLRQ carry an InitiateRequest, the AARE and RLRE an
/// InitiateResponse or, when the association is refused, a
/// confirmed-service-error; with ciphered contexts these are glo- or
/// ded-initiate APDUs, which stay opaque here. Anything else is kept as sent.
public enum UserInformation: Sendable, Hashable {
    case initiateRequest(InitiateRequest)
    case initiateResponse(InitiateResponse)
    case cipheredInitiate(CipheredInitiate)
    case confirmedServiceError(ConfirmedServiceError)
    /// Bytes that are none of these, or could not be decoded as what their tag says.
    case unrecognized([UInt8])

    /// The xDLMS tag the content starts with, nil when there is no content.
    public var tag: UInt8? {
        switch self {
        case .initiateRequest: InitiateRequest.tag
        case .initiateResponse: InitiateResponse.tag
        case let .cipheredInitiate(ciphered): ciphered.tag
        case .confirmedServiceError: ConfirmedServiceError.tag
        case let .unrecognized(bytes): bytes.first
        }
    }

    /// Decodes the xDLMS APDU at the reader's position by its tag; the reader
    /// is left after it. Unknown tags take every byte left as `unrecognized`.
    public static func decode(from reader: inout ByteReader, notes: inout DecodingNotes) throws(DecodingError) -> UserInformation {
        switch reader.peekUInt8() {
        case InitiateRequest.tag: return .initiateRequest(try InitiateRequest(from: &reader, notes: &notes))
        case InitiateResponse.tag: return .initiateResponse(try InitiateResponse(from: &reader, notes: &notes))
        case ConfirmedServiceError.tag: return .confirmedServiceError(try ConfirmedServiceError(from: &reader, notes: &notes))
        case let tag? where CipheredInitiate.tags.contains(tag):
            return .cipheredInitiate(try CipheredInitiate(from: &reader, notes: &notes))
        default: return .unrecognized(Array(reader.readRemaining()))
        }
    }

    public func encode(into bytes: inout [UInt8]) {
        switch self {
        case let .initiateRequest(request): request.encode(into: &bytes)
        case let .initiateResponse(response): response.encode(into: &bytes)
        case let .cipheredInitiate(ciphered): ciphered.encode(into: &bytes)
        case let .confirmedServiceError(error): error.encode(into: &bytes)
        case let .unrecognized(content): bytes += content
        }
    }

    /// The encoded content of the user-information OCTET STRING.
    public var encoded: [UInt8] {
        var bytes: [UInt8] = []
        encode(into: &bytes)
        return bytes
    }

    /// Whether this is what a requester (AARQ, RLRQ) sends: an InitiateRequest,
    /// plain or ciphered. Nil for unrecognized content.
    var isRequestContent: Bool? {
        switch self {
        case .initiateRequest: true
        case .initiateResponse, .confirmedServiceError: false
        case let .cipheredInitiate(ciphered): ciphered.kind.isRequest
        case .unrecognized: nil
        }
    }
}
