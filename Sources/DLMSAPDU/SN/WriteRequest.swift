import DLMSCore

/// WriteRequest (0x06), the SN-referencing write (Green Book):
///
/// ```
/// writeRequest [6] IMPLICIT WriteRequest,
/// WriteRequest ::= SEQUENCE
/// {
///     variable-access-specification   SEQUENCE OF Variable-Access-Specification,
///     list-of-data                    SEQUENCE OF Data
/// }
/// ```
///
/// The values are in the order of the specifications. A long write is sent
/// with write-data-block-access and one octet-string data value holding the
/// block's raw data.
public struct WriteRequest: Sendable, Hashable {
    public static let tag: UInt8 = 0x06

    public var variableAccessSpecifications: [VariableAccessSpecification]
    public var listOfData: [DLMSData]
    /// How the two element counts were written.
    public var specificationCountForm: AXDRLengthForm
    public var dataCountForm: AXDRLengthForm

    public init(
        variableAccessSpecifications: [VariableAccessSpecification], listOfData: [DLMSData],
        specificationCountForm: AXDRLengthForm = .canonical, dataCountForm: AXDRLengthForm = .canonical
    ) {
        self.variableAccessSpecifications = variableAccessSpecifications
        self.listOfData = listOfData
        self.specificationCountForm = specificationCountForm
        self.dataCountForm = dataCountForm
    }

    public init(from reader: inout ByteReader, notes: inout DecodingNotes) throws(DecodingError) {
        try SNSequenceOf.readTag(Self.tag, name: "write-request", from: &reader)
        (variableAccessSpecifications, specificationCountForm) = try SNSequenceOf.decodeSpecifications(from: &reader)
        (listOfData, dataCountForm) = try SNSequenceOf.decodeData(from: &reader)
    }

    public func encode(into bytes: inout [UInt8]) {
        bytes.append(Self.tag)
        SNSequenceOf.encode(variableAccessSpecifications, form: specificationCountForm, into: &bytes)
        SNSequenceOf.encode(listOfData, form: dataCountForm, into: &bytes)
    }
}
