import DLMSCore

extension ActionResponse {
    /// Reads a whole Action-Response, tag included.
    public init(from reader: inout ByteReader, notes: inout DecodingNotes) throws(DecodingError) {
        try LNServiceFields.tag(Self.tag, of: "action-response", from: &reader)
        let choice = try LNServiceFields.choice(
            "action-response", in: 1...4, alternatives: "1 normal, 2 with-pblock, 3 with-list, 4 next-pblock",
            from: &reader
        )
        let invokeIdAndPriority = try InvokeIdAndPriority(from: &reader)
        switch choice {
        case 1:
            self = .normal(Normal(
                invokeIdAndPriority: invokeIdAndPriority, response: try ActionResponseWithOptionalData(from: &reader)
            ))
        case 2:
            self = .withPBlock(WithPBlock(
                invokeIdAndPriority: invokeIdAndPriority, block: try DataBlockSA(from: &reader, notes: &notes)
            ))
        case 3:
            let (responses, count) = try LNServiceFields.sequence(
                of: "action responses", minimumSize: ActionResponseWithOptionalData.minimumSize, from: &reader
            ) { (reader: inout ByteReader) throws(DecodingError) in
                try ActionResponseWithOptionalData(from: &reader)
            }
            self = .withList(WithList(invokeIdAndPriority: invokeIdAndPriority, responses: responses, responseCount: count))
        default:
            let block = try LNServiceFields.uint32("block-number", from: &reader)
            self = .nextPBlock(NextPBlock(invokeIdAndPriority: invokeIdAndPriority, blockNumber: block))
        }
    }

    /// Writes the whole Action-Response, tag included.
    public func encode(into bytes: inout [UInt8]) {
        bytes += [Self.tag, choice, invokeIdAndPriority.rawValue]
        switch self {
        case let .normal(response):
            response.response.encode(into: &bytes)
        case let .withPBlock(response):
            response.block.encode(into: &bytes)
        case let .withList(response):
            AXDRLength.append(response.responses.count, form: response.responseCount, to: &bytes)
            for item in response.responses { item.encode(into: &bytes) }
        case let .nextPBlock(response):
            LNServiceFields.append(response.blockNumber, to: &bytes)
        }
    }

    /// The encoded APDU.
    public var encoded: [UInt8] {
        var bytes = [UInt8]()
        encode(into: &bytes)
        return bytes
    }
}
