import DLMSCore

/// UnconfirmedWriteRequest (0x16): a write the server does not answer
/// (Green Book; same fields as `WriteRequest`):
///
/// ```
/// unconfirmedWriteRequest [22] IMPLICIT UnconfirmedWriteRequest,
/// UnconfirmedWriteRequest ::= SEQUENCE
/// {
///     variable-access-specification   SEQUENCE OF Variable-Access-Specification,
///     list-of-data                    SEQUENCE OF Data
/// }
/// ```
public struct UnconfirmedWriteRequest: Sendable, Hashable {
    public static let tag: UInt8 = 0x16

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
        try SNSequenceOf.readTag(Self.tag, name: "unconfirmed-write-request", from: &reader)
        (variableAccessSpecifications, specificationCountForm) = try SNSequenceOf.decodeSpecifications(from: &reader)
        (listOfData, dataCountForm) = try SNSequenceOf.decodeData(from: &reader)
    }

    public func encode(into bytes: inout [UInt8]) {
        bytes.append(Self.tag)
        SNSequenceOf.encode(variableAccessSpecifications, form: specificationCountForm, into: &bytes)
        SNSequenceOf.encode(listOfData, form: dataCountForm, into: &bytes)
    }
}
