import DLMSCore

/// ReadRequest (0x05), the SN-referencing read (Green Book, xDLMS ASN.1):
///
/// ```
/// readRequest [5] IMPLICIT ReadRequest,
/// ReadRequest ::= SEQUENCE OF Variable-Access-Specification
/// ```
///
/// `05 01 02 FA08` reads short name 0xFA08 (reference case 34). A request
/// with block-number-access asks for the next block of a long response;
/// read-data-block-access carries a long request in blocks.
public struct ReadRequest: Sendable, Hashable {
    public static let tag: UInt8 = 0x05

    public var variableAccessSpecifications: [VariableAccessSpecification]
    /// How the element count was written.
    public var countForm: AXDRLengthForm

    public init(_ variableAccessSpecifications: [VariableAccessSpecification], countForm: AXDRLengthForm = .canonical) {
        self.variableAccessSpecifications = variableAccessSpecifications
        self.countForm = countForm
    }

    public init(from reader: inout ByteReader, notes: inout DecodingNotes) throws(DecodingError) {
        try SNSequenceOf.readTag(Self.tag, name: "read-request", from: &reader)
        (variableAccessSpecifications, countForm) = try SNSequenceOf.decodeSpecifications(from: &reader)
    }

    public func encode(into bytes: inout [UInt8]) {
        bytes.append(Self.tag)
        SNSequenceOf.encode(variableAccessSpecifications, form: countForm, into: &bytes)
    }
}
