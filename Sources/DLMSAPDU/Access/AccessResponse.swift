import DLMSCore

/// Access-Response (Green Book, tag DA): the answer to an Access-Request.
///
/// `long-invoke-id-and-priority`, `date-time` (an octet string, empty when
/// absent), then the Access-Response-Body: the request's specifications
/// repeated (`[0] OPTIONAL`), the list of data (a GET's value by index) and
/// one response specification per request.
public struct AccessResponse: Sendable, Hashable {
    public static let tag: UInt8 = 0xDA

    public var longInvokeIdAndPriority: LongInvokeIdAndPriority
    /// The date-time octet string's contents; empty when absent.
    public var dateTime: [UInt8]
    /// The request's specifications, when the server repeats them.
    public var requestSpecifications: [AccessRequestSpecification]?
    public var data: [DLMSData]
    public var responses: [AccessResponseSpecification]
    /// The forms the date-time length and the counts were written in.
    public var dateTimeLength: AXDRLengthForm
    public var requestSpecificationCount: AXDRLengthForm
    public var dataCount: AXDRLengthForm
    public var responseCount: AXDRLengthForm

    public init(
        longInvokeIdAndPriority: LongInvokeIdAndPriority, dateTime: [UInt8] = [],
        requestSpecifications: [AccessRequestSpecification]? = nil, data: [DLMSData],
        responses: [AccessResponseSpecification], dateTimeLength: AXDRLengthForm = .canonical,
        requestSpecificationCount: AXDRLengthForm = .canonical, dataCount: AXDRLengthForm = .canonical,
        responseCount: AXDRLengthForm = .canonical
    ) {
        self.longInvokeIdAndPriority = longInvokeIdAndPriority
        self.dateTime = dateTime
        self.requestSpecifications = requestSpecifications
        self.data = data
        self.responses = responses
        self.dateTimeLength = dateTimeLength
        self.requestSpecificationCount = requestSpecificationCount
        self.dataCount = dataCount
        self.responseCount = responseCount
    }

    /// The date-time as a COSEM date-time, when it is 12 bytes.
    public var cosemDateTime: COSEMDateTime? { COSEMDateTime(bytes: dateTime) }

    /// Reads a whole Access-Response, tag included.
    public init(from reader: inout ByteReader, notes: inout DecodingNotes) throws(DecodingError) {
        try LNServiceFields.tag(Self.tag, of: "access-response", from: &reader)
        longInvokeIdAndPriority = try LongInvokeIdAndPriority(from: &reader)
        (dateTime, dateTimeLength) = try LNServiceFields.octetString("date-time", from: &reader)
        if try LNServiceFields.isPresent("access-request-specification", from: &reader) {
            let (specifications, count) = try LNServiceFields.sequence(
                of: "access request specifications", minimumSize: AccessRequestSpecification.minimumSize,
                from: &reader
            ) { (reader: inout ByteReader) throws(DecodingError) in
                try AccessRequestSpecification(from: &reader)
            }
            requestSpecifications = specifications
            requestSpecificationCount = count
        } else {
            requestSpecifications = nil
            requestSpecificationCount = .canonical
        }
        (data, dataCount) = try LNServiceFields.sequence(of: "data", minimumSize: 1, from: &reader) {
            (reader: inout ByteReader) throws(DecodingError) in
            try LNServiceFields.data("access-response-list-of-data", from: &reader)
        }
        (responses, responseCount) = try LNServiceFields.sequence(
            of: "access response specifications", minimumSize: AccessResponseSpecification.minimumSize, from: &reader
        ) { (reader: inout ByteReader) throws(DecodingError) in
            try AccessResponseSpecification(from: &reader)
        }
    }

    /// Writes the whole Access-Response, tag included.
    public func encode(into bytes: inout [UInt8]) {
        bytes.append(Self.tag)
        longInvokeIdAndPriority.encode(into: &bytes)
        LNServiceFields.appendOctetString(dateTime, length: dateTimeLength, to: &bytes)
        if let requestSpecifications {
            bytes.append(1)
            AXDRLength.append(requestSpecifications.count, form: requestSpecificationCount, to: &bytes)
            for specification in requestSpecifications { specification.encode(into: &bytes) }
        } else {
            bytes.append(0)
        }
        AXDRLength.append(data.count, form: dataCount, to: &bytes)
        for value in data { value.encode(into: &bytes) }
        AXDRLength.append(responses.count, form: responseCount, to: &bytes)
        for response in responses { response.encode(into: &bytes) }
    }

    /// The encoded APDU.
    public var encoded: [UInt8] {
        var bytes = [UInt8]()
        encode(into: &bytes)
        return bytes
    }
}
