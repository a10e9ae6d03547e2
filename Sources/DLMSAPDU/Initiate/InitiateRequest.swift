import DLMSCore

/// xDLMS InitiateRequest (tag 01, Green Book): what a client proposes for the
/// association, carried in the AARQ user-information (or ciphered as a
/// glo-/ded-initiate-request) and on its own in the vectors.
///
/// ```
/// InitiateRequest ::= SEQUENCE {
///     dedicated-key                 OCTET STRING OPTIONAL,
///     response-allowed              BOOLEAN DEFAULT TRUE,
///     proposed-quality-of-service   [0] IMPLICIT Integer8 OPTIONAL,
///     proposed-dlms-version-number  Unsigned8,
///     proposed-conformance          Conformance,
///     client-max-receive-pdu-size   Unsigned16 }
/// ```
/// A-XDR writes OPTIONAL and DEFAULT components with a usage byte (`00`
/// absent or default, `01` present), so `01 00 00 00 06 5F1F0400007E1F 04B0`
/// has no dedicated key, the default response-allowed and no QoS [g11].
public struct InitiateRequest: Sendable, Hashable {
    public static let tag: UInt8 = 0x01

    /// The key for ded- ciphering during the association (a secret: presenters hide it by default).
    public var dedicatedKey: [UInt8]?
    /// response-allowed as sent; nil when the DEFAULT (TRUE) was used (`00`).
    public var responseAllowed: Bool?
    public var proposedQualityOfService: Int8?
    public var proposedDLMSVersion: UInt8
    public var proposedConformance: Conformance
    public var clientMaxReceivePDUSize: UInt16

    public init(
        dedicatedKey: [UInt8]? = nil, responseAllowed: Bool? = nil, proposedQualityOfService: Int8? = nil,
        proposedDLMSVersion: UInt8 = 6, proposedConformance: Conformance, clientMaxReceivePDUSize: UInt16
    ) {
        self.dedicatedKey = dedicatedKey
        self.responseAllowed = responseAllowed
        self.proposedQualityOfService = proposedQualityOfService
        self.proposedDLMSVersion = proposedDLMSVersion
        self.proposedConformance = proposedConformance
        self.clientMaxReceivePDUSize = clientMaxReceivePDUSize
    }

    /// Whether the client wants responses: response-allowed, or its default TRUE.
    public var isResponseAllowed: Bool { responseAllowed ?? true }

    public init(from reader: inout ByteReader, notes: inout DecodingNotes) throws(DecodingError) {
        let start = reader.position
        guard let tag = reader.readUInt8() else { throw DecodingError("data ends where InitiateRequest (01) was expected", at: start) }
        guard tag == Self.tag else {
            throw DecodingError("InitiateRequest must start with 01, found \(Hex.encode([tag]))", at: start)
        }
        if try InitiateFields.isPresent(&reader, what: "dedicated-key") {
            let offset = reader.position
            let (count, form) = try AXDRLength.read(from: &reader, what: "dedicated-key length")
            guard let key = reader.readBytes(count) else {
                throw DecodingError("dedicated-key of \(count) bytes but only \(reader.remainingCount) follow", at: offset)
            }
            if form != .canonical {
                notes.note(.apduNonCanonical, "dedicated-key length written in a longer form than needed", at: offset)
            }
            if count != 16 && count != 32 {
                notes.warn(.apduMalformed, "dedicated-key of \(count) bytes; AES-GCM-128 and -256 keys have 16 or 32", at: offset)
            }
            dedicatedKey = Array(key)
        } else {
            dedicatedKey = nil
        }
        if try InitiateFields.isPresent(&reader, what: "response-allowed") {
            responseAllowed = try InitiateFields.boolean(&reader, what: "response-allowed", notes: &notes)
        } else {
            responseAllowed = nil
        }
        proposedQualityOfService = try InitiateFields.qualityOfService(&reader, what: "proposed-quality-of-service")
        proposedDLMSVersion = try InitiateFields.byte(&reader, what: "proposed-dlms-version-number")
        proposedConformance = try Conformance(from: &reader, notes: &notes)
        clientMaxReceivePDUSize = try InitiateFields.uint16(&reader, what: "client-max-receive-pdu-size")
    }

    public func encode(into bytes: inout [UInt8]) {
        bytes.append(Self.tag)
        if let dedicatedKey {
            bytes.append(0x01)
            AXDRLength.append(dedicatedKey.count, to: &bytes)
            bytes += dedicatedKey
        } else {
            bytes.append(0x00)
        }
        if let responseAllowed {
            bytes += [0x01, responseAllowed ? 0x01 : 0x00]
        } else {
            bytes.append(0x00)
        }
        InitiateFields.appendQualityOfService(proposedQualityOfService, to: &bytes)
        bytes.append(proposedDLMSVersion)
        proposedConformance.encode(into: &bytes)
        bytes += [UInt8(truncatingIfNeeded: clientMaxReceivePDUSize >> 8), UInt8(truncatingIfNeeded: clientMaxReceivePDUSize)]
    }

    /// The encoded APDU.
    public var encoded: [UInt8] {
        var bytes: [UInt8] = []
        encode(into: &bytes)
        return bytes
    }
}
