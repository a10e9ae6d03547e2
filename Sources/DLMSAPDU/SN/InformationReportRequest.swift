import DLMSCore

/// InformationReportRequest (0x18): unsolicited SN values from the server
/// (Green Book):
///
/// ```
/// informationReportRequest [24] IMPLICIT InformationReportRequest,
/// InformationReportRequest ::= SEQUENCE
/// {
///     current-time                    GeneralizedTime OPTIONAL,
///     variable-access-specification   SEQUENCE OF Variable-Access-Specification,
///     list-of-data                    SEQUENCE OF Data
/// }
/// ```
///
/// The current-time on the wire: the ASN.1 types it GeneralizedTime
/// OPTIONAL, but DLMS implementations carry it the way data-notification
/// carries its date-time: an octet string with an A-XDR length, length 0
/// (`00`, which is also A-XDR's "absent") when there is no time and
/// `0C` + a 12-byte COSEM date-time when there is (Gurux writes and reads
/// it so; the Green Book text could not be consulted here). dlmscope reads
/// that form and keeps the bytes as sent; `currentDateTime` interprets 12
/// of them.
public struct InformationReportRequest: Sendable, Hashable {
    public static let tag: UInt8 = 0x18

    /// The current-time octet string; empty when absent.
    public var currentTime: AXDROctetString
    public var variableAccessSpecifications: [VariableAccessSpecification]
    public var listOfData: [DLMSData]
    /// How the two element counts were written.
    public var specificationCountForm: AXDRLengthForm
    public var dataCountForm: AXDRLengthForm

    public init(
        currentTime: AXDROctetString = [], variableAccessSpecifications: [VariableAccessSpecification],
        listOfData: [DLMSData], specificationCountForm: AXDRLengthForm = .canonical,
        dataCountForm: AXDRLengthForm = .canonical
    ) {
        self.currentTime = currentTime
        self.variableAccessSpecifications = variableAccessSpecifications
        self.listOfData = listOfData
        self.specificationCountForm = specificationCountForm
        self.dataCountForm = dataCountForm
    }

    public init(from reader: inout ByteReader, notes: inout DecodingNotes) throws(DecodingError) {
        try SNSequenceOf.readTag(Self.tag, name: "information-report-request", from: &reader)
        currentTime = try AXDROctetString(from: &reader, what: "current-time")
        (variableAccessSpecifications, specificationCountForm) = try SNSequenceOf.decodeSpecifications(from: &reader)
        (listOfData, dataCountForm) = try SNSequenceOf.decodeData(from: &reader)
    }

    public func encode(into bytes: inout [UInt8]) {
        bytes.append(Self.tag)
        currentTime.encode(into: &bytes)
        SNSequenceOf.encode(variableAccessSpecifications, form: specificationCountForm, into: &bytes)
        SNSequenceOf.encode(listOfData, form: dataCountForm, into: &bytes)
    }

    /// The current time as a COSEM date-time, when it is 12 bytes.
    public var currentDateTime: COSEMDateTime? { COSEMDateTime(octetString: currentTime.bytes) }
}
