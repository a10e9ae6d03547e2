import DLMSCore

extension GetResponse {
    /// Reads a whole Get-Response, tag included.
    public init(from reader: inout ByteReader, notes: inout DecodingNotes) throws(DecodingError) {
        try LNServiceFields.tag(Self.tag, of: "get-response", from: &reader)
        let choice = try LNServiceFields.choice(
            "get-response", in: 1...3, alternatives: "1 normal, 2 with-datablock, 3 with-list", from: &reader
        )
        let invokeIdAndPriority = try InvokeIdAndPriority(from: &reader)
        switch choice {
        case 1:
            self = .normal(Normal(invokeIdAndPriority: invokeIdAndPriority, result: try GetDataResult(from: &reader)))
        case 2:
            let block = try DataBlockG(from: &reader, notes: &notes)
            self = .withDataBlock(WithDataBlock(invokeIdAndPriority: invokeIdAndPriority, block: block))
        default:
            let (results, count) = try LNServiceFields.sequence(
                of: "Get-Data-Results", minimumSize: GetDataResult.minimumSize, from: &reader
            ) { (reader: inout ByteReader) throws(DecodingError) in
                try GetDataResult(from: &reader)
            }
            self = .withList(WithList(invokeIdAndPriority: invokeIdAndPriority, results: results, resultCount: count))
        }
    }

    /// Writes the whole Get-Response, tag included.
    public func encode(into bytes: inout [UInt8]) {
        bytes += [Self.tag, choice, invokeIdAndPriority.rawValue]
        switch self {
        case let .normal(response):
            response.result.encode(into: &bytes)
        case let .withDataBlock(response):
            response.block.encode(into: &bytes)
        case let .withList(response):
            AXDRLength.append(response.results.count, form: response.resultCount, to: &bytes)
            for result in response.results { result.encode(into: &bytes) }
        }
    }

    /// The encoded APDU.
    public var encoded: [UInt8] {
        var bytes = [UInt8]()
        encode(into: &bytes)
        return bytes
    }
}
