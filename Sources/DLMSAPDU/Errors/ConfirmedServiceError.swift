import DLMSCore

/// confirmed-service-error (tag 0E, Green Book): a server's refusal of a
/// confirmed service, most often of the InitiateRequest inside an AARQ (then
/// carried in the AARE user-information) and of SN read/write requests.
///
/// ```
/// ConfirmedServiceError ::= CHOICE {
///     initiateError [1] ServiceError, getStatus [2] ServiceError, ...
///     read [5] ServiceError, write [6] ServiceError, ... }
/// ServiceError ::= CHOICE {
///     application-reference [0] IMPLICIT ENUMERATED {...}, ...
///     initiate [6] IMPLICIT ENUMERATED {...}, ... }
/// ```
/// Every alternative of both CHOICEs has the same shape, so the APDU is
/// always four bytes: `0E 01 06 01` is initiateError / initiate /
/// dlms-version-too-low [g20]. Values the standard does not define are kept
/// (and noted), since the shape does not depend on them.
public struct ConfirmedServiceError: Sendable, Hashable {
    public static let tag: UInt8 = 0x0E

    /// Which service failed.
    public var service: ConfirmedServiceChoice
    /// The ServiceError alternative: the group of the error.
    public var errorGroup: ServiceErrorGroup
    /// The error within its group (see `ServiceErrorGroup.valueName`).
    public var error: UInt8

    public init(service: ConfirmedServiceChoice, errorGroup: ServiceErrorGroup, error: UInt8) {
        self.service = service
        self.errorGroup = errorGroup
        self.error = error
    }

    /// The name of `error` within its group (`dlms-version-too-low`), or nil.
    public var errorName: String? { errorGroup.valueName(error) }

    public init(from reader: inout ByteReader, notes: inout DecodingNotes) throws(DecodingError) {
        let start = reader.position
        guard let tag = reader.readUInt8() else {
            throw DecodingError("data ends where confirmed-service-error (0E) was expected", at: start)
        }
        guard tag == Self.tag else {
            throw DecodingError("confirmed-service-error must start with 0E, found \(Hex.encode([tag]))", at: start)
        }
        let serviceOffset = reader.position
        guard let service = reader.readUInt8() else {
            throw DecodingError("data ends where the confirmed-service-error service choice was expected", at: serviceOffset)
        }
        let groupOffset = reader.position
        guard let group = reader.readUInt8() else {
            throw DecodingError("data ends where the service-error choice was expected", at: groupOffset)
        }
        let errorOffset = reader.position
        guard let error = reader.readUInt8() else {
            throw DecodingError("data ends where the service-error value was expected", at: errorOffset)
        }
        self.service = ConfirmedServiceChoice(rawValue: service)
        errorGroup = ServiceErrorGroup(rawValue: group)
        self.error = error
        if !self.service.isDefined {
            notes.warn(.apduMalformed, "confirmed-service-error service choice \(service) is not defined", at: serviceOffset)
        }
        if !errorGroup.isDefined {
            notes.warn(.apduMalformed, "service-error choice \(group) is not defined", at: groupOffset)
        }
    }

    public func encode(into bytes: inout [UInt8]) {
        bytes += [Self.tag, service.rawValue, errorGroup.rawValue, error]
    }

    /// The encoded APDU.
    public var encoded: [UInt8] {
        var bytes: [UInt8] = []
        encode(into: &bytes)
        return bytes
    }
}
