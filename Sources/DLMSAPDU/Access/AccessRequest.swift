import DLMSCore

/// Access-Request (Green Book, tag D9; the ACCESS service): several GET,
/// SET and ACTION requests in one APDU.
///
/// `long-invoke-id-and-priority`, `date-time` (an octet string, empty when
/// absent), then the Access-Request-Body: the list of request specifications
/// and the list of data, which holds one element per specification by index
/// (the value of a SET, the parameters of an ACTION, null-data for a GET).
public struct AccessRequest: Sendable, Hashable {
    public static let tag: UInt8 = 0xD9

    public var longInvokeIdAndPriority: LongInvokeIdAndPriority
    /// The date-time octet string's contents; empty when absent.
    public var dateTime: [UInt8]
    public var specifications: [AccessRequestSpecification]
    public var data: [DLMSData]
    /// The forms the date-time length and the two counts were written in.
    public var dateTimeLength: AXDRLengthForm
    public var specificationCount: AXDRLengthForm
    public var dataCount: AXDRLengthForm

    public init(
        longInvokeIdAndPriority: LongInvokeIdAndPriority, dateTime: [UInt8] = [],
        specifications: [AccessRequestSpecification], data: [DLMSData],
        dateTimeLength: AXDRLengthForm = .canonical, specificationCount: AXDRLengthForm = .canonical,
        dataCount: AXDRLengthForm = .canonical
    ) {
        self.longInvokeIdAndPriority = longInvokeIdAndPriority
        self.dateTime = dateTime
        self.specifications = specifications
        self.data = data
        self.dateTimeLength = dateTimeLength
        self.specificationCount = specificationCount
        self.dataCount = dataCount
    }

    /// The date-time as a COSEM date-time, when it is 12 bytes.
    public var cosemDateTime: COSEMDateTime? { COSEMDateTime(bytes: dateTime) }

    /// Reads a whole Access-Request, tag included.
    public init(from reader: inout ByteReader, notes: inout DecodingNotes) throws(DecodingError) {
        try LNServiceFields.tag(Self.tag, of: "access-request", from: &reader)
        longInvokeIdAndPriority = try LongInvokeIdAndPriority(from: &reader)
        (dateTime, dateTimeLength) = try LNServiceFields.octetString("date-time", from: &reader)
        (specifications, specificationCount) = try LNServiceFields.sequence(
            of: "access request specifications", minimumSize: AccessRequestSpecification.minimumSize, from: &reader
        ) { (reader: inout ByteReader) throws(DecodingError) in
            try AccessRequestSpecification(from: &reader)
        }
        (data, dataCount) = try LNServiceFields.sequence(of: "data", minimumSize: 1, from: &reader) {
            (reader: inout ByteReader) throws(DecodingError) in
            try LNServiceFields.data("access-request-list-of-data", from: &reader)
        }
    }

    /// Writes the whole Access-Request, tag included.
    public func encode(into bytes: inout [UInt8]) {
        bytes.append(Self.tag)
        longInvokeIdAndPriority.encode(into: &bytes)
        LNServiceFields.appendOctetString(dateTime, length: dateTimeLength, to: &bytes)
        AXDRLength.append(specifications.count, form: specificationCount, to: &bytes)
        for specification in specifications { specification.encode(into: &bytes) }
        AXDRLength.append(data.count, form: dataCount, to: &bytes)
        for value in data { value.encode(into: &bytes) }
    }

    /// The encoded APDU.
    public var encoded: [UInt8] {
        var bytes = [UInt8]()
        encode(into: &bytes)
        return bytes
    }
}
