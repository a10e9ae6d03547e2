import DLMSCore

/// xDLMS InitiateResponse (tag 08, Green Book): what the server grants,
/// carried in the AARE user-information (or ciphered as a glo-/ded-initiate-response).
///
/// ```
/// InitiateResponse ::= SEQUENCE {
///     negotiated-quality-of-service   [0] IMPLICIT Integer8 OPTIONAL,
///     negotiated-dlms-version-number  Unsigned8,
///     negotiated-conformance          Conformance,
///     server-max-receive-pdu-size     Unsigned16,
///     vaa-name                        ObjectName }
/// ```
/// vaa-name is 0x0007 for logical name referencing and the base name of the
/// SN association object (typically 0xFA00) for short names [g12, g13, g23].
public struct InitiateResponse: Sendable, Hashable {
    public static let tag: UInt8 = 0x08

    public var negotiatedQualityOfService: Int8?
    public var negotiatedDLMSVersion: UInt8
    public var negotiatedConformance: Conformance
    public var serverMaxReceivePDUSize: UInt16
    public var vaaName: UInt16

    public init(
        negotiatedQualityOfService: Int8? = nil, negotiatedDLMSVersion: UInt8 = 6,
        negotiatedConformance: Conformance, serverMaxReceivePDUSize: UInt16, vaaName: UInt16 = 0x0007
    ) {
        self.negotiatedQualityOfService = negotiatedQualityOfService
        self.negotiatedDLMSVersion = negotiatedDLMSVersion
        self.negotiatedConformance = negotiatedConformance
        self.serverMaxReceivePDUSize = serverMaxReceivePDUSize
        self.vaaName = vaaName
    }

    public init(from reader: inout ByteReader, notes: inout DecodingNotes) throws(DecodingError) {
        let start = reader.position
        guard let tag = reader.readUInt8() else { throw DecodingError("data ends where InitiateResponse (08) was expected", at: start) }
        guard tag == Self.tag else {
            throw DecodingError("InitiateResponse must start with 08, found \(Hex.encode([tag]))", at: start)
        }
        negotiatedQualityOfService = try InitiateFields.qualityOfService(&reader, what: "negotiated-quality-of-service")
        negotiatedDLMSVersion = try InitiateFields.byte(&reader, what: "negotiated-dlms-version-number")
        negotiatedConformance = try Conformance(from: &reader, notes: &notes)
        serverMaxReceivePDUSize = try InitiateFields.uint16(&reader, what: "server-max-receive-pdu-size")
        vaaName = try InitiateFields.uint16(&reader, what: "vaa-name")
    }

    public func encode(into bytes: inout [UInt8]) {
        bytes.append(Self.tag)
        InitiateFields.appendQualityOfService(negotiatedQualityOfService, to: &bytes)
        bytes.append(negotiatedDLMSVersion)
        negotiatedConformance.encode(into: &bytes)
        bytes += [UInt8(truncatingIfNeeded: serverMaxReceivePDUSize >> 8), UInt8(truncatingIfNeeded: serverMaxReceivePDUSize)]
        bytes += [UInt8(truncatingIfNeeded: vaaName >> 8), UInt8(truncatingIfNeeded: vaaName)]
    }

    /// The encoded APDU.
    public var encoded: [UInt8] {
        var bytes: [UInt8] = []
        encode(into: &bytes)
        return bytes
    }
}
