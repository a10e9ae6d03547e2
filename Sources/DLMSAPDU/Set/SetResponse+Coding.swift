import DLMSCore

extension SetResponse {
    /// Reads a whole Set-Response, tag included.
    public init(from reader: inout ByteReader, notes: inout DecodingNotes) throws(DecodingError) {
        try LNServiceFields.tag(Self.tag, of: "set-response", from: &reader)
        let choice = try LNServiceFields.choice(
            "set-response", in: 1...5,
            alternatives: "1 normal, 2 datablock, 3 last-datablock, 4 last-datablock-with-list, 5 with-list",
            from: &reader
        )
        let invokeIdAndPriority = try InvokeIdAndPriority(from: &reader)
        switch choice {
        case 1:
            self = .normal(Normal(invokeIdAndPriority: invokeIdAndPriority, result: try Self.result(from: &reader)))
        case 2:
            let block = try LNServiceFields.uint32("block-number", from: &reader)
            self = .dataBlock(DataBlock(invokeIdAndPriority: invokeIdAndPriority, blockNumber: block))
        case 3:
            let result = try Self.result(from: &reader)
            let block = try LNServiceFields.uint32("block-number", from: &reader)
            self = .lastDataBlock(LastDataBlock(invokeIdAndPriority: invokeIdAndPriority, result: result, blockNumber: block))
        case 4:
            let (results, count) = try Self.results(from: &reader)
            let block = try LNServiceFields.uint32("block-number", from: &reader)
            self = .lastDataBlockWithList(LastDataBlockWithList(
                invokeIdAndPriority: invokeIdAndPriority, results: results, blockNumber: block, resultCount: count
            ))
        default:
            let (results, count) = try Self.results(from: &reader)
            self = .withList(WithList(invokeIdAndPriority: invokeIdAndPriority, results: results, resultCount: count))
        }
    }

    private static func result(from reader: inout ByteReader) throws(DecodingError) -> DataAccessResult {
        DataAccessResult(rawValue: try LNServiceFields.uint8("data-access-result", from: &reader))
    }

    private static func results(
        from reader: inout ByteReader
    ) throws(DecodingError) -> (elements: [DataAccessResult], count: AXDRLengthForm) {
        try LNServiceFields.sequence(of: "data-access-results", minimumSize: 1, from: &reader) {
            (reader: inout ByteReader) throws(DecodingError) in
            try result(from: &reader)
        }
    }

    /// Writes the whole Set-Response, tag included.
    public func encode(into bytes: inout [UInt8]) {
        bytes += [Self.tag, choice, invokeIdAndPriority.rawValue]
        switch self {
        case let .normal(response):
            bytes.append(response.result.rawValue)
        case let .dataBlock(response):
            LNServiceFields.append(response.blockNumber, to: &bytes)
        case let .lastDataBlock(response):
            bytes.append(response.result.rawValue)
            LNServiceFields.append(response.blockNumber, to: &bytes)
        case let .lastDataBlockWithList(response):
            AXDRLength.append(response.results.count, form: response.resultCount, to: &bytes)
            bytes += response.results.map(\.rawValue)
            LNServiceFields.append(response.blockNumber, to: &bytes)
        case let .withList(response):
            AXDRLength.append(response.results.count, form: response.resultCount, to: &bytes)
            bytes += response.results.map(\.rawValue)
        }
    }

    /// The encoded APDU.
    public var encoded: [UInt8] {
        var bytes = [UInt8]()
        encode(into: &bytes)
        return bytes
    }
}
