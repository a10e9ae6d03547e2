import DLMSCore

extension GetRequest {
    /// Reads a whole Get-Request, tag included.
    public init(from reader: inout ByteReader, notes: inout DecodingNotes) throws(DecodingError) {
        try LNServiceFields.tag(Self.tag, of: "get-request", from: &reader)
        let choice = try LNServiceFields.choice(
            "get-request", in: 1...3, alternatives: "1 normal, 2 next, 3 with-list", from: &reader
        )
        let invokeIdAndPriority = try InvokeIdAndPriority(from: &reader)
        switch choice {
        case 1:
            let attribute = try CosemAttributeDescriptor(from: &reader)
            let selection = try SelectiveAccessDescriptor.optional(from: &reader)
            self = .normal(Normal(invokeIdAndPriority: invokeIdAndPriority, attribute: attribute, accessSelection: selection))
        case 2:
            let block = try LNServiceFields.uint32("block-number", from: &reader)
            self = .next(Next(invokeIdAndPriority: invokeIdAndPriority, blockNumber: block))
        default:
            let (attributes, count) = try LNServiceFields.sequence(
                of: "attribute descriptors", minimumSize: CosemAttributeDescriptorWithSelection.minimumSize,
                from: &reader
            ) { (reader: inout ByteReader) throws(DecodingError) in
                try CosemAttributeDescriptorWithSelection(from: &reader)
            }
            self = .withList(WithList(invokeIdAndPriority: invokeIdAndPriority, attributes: attributes, attributeCount: count))
        }
    }

    /// Writes the whole Get-Request, tag included.
    public func encode(into bytes: inout [UInt8]) {
        bytes += [Self.tag, choice, invokeIdAndPriority.rawValue]
        switch self {
        case let .normal(request):
            request.attribute.encode(into: &bytes)
            SelectiveAccessDescriptor.encodeOptional(request.accessSelection, into: &bytes)
        case let .next(request):
            LNServiceFields.append(request.blockNumber, to: &bytes)
        case let .withList(request):
            AXDRLength.append(request.attributes.count, form: request.attributeCount, to: &bytes)
            for attribute in request.attributes { attribute.encode(into: &bytes) }
        }
    }

    /// The encoded APDU.
    public var encoded: [UInt8] {
        var bytes = [UInt8]()
        encode(into: &bytes)
        return bytes
    }
}
