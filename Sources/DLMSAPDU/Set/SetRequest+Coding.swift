import DLMSCore

extension SetRequest {
    /// Reads a whole Set-Request, tag included.
    public init(from reader: inout ByteReader, notes: inout DecodingNotes) throws(DecodingError) {
        try LNServiceFields.tag(Self.tag, of: "set-request", from: &reader)
        let choice = try LNServiceFields.choice(
            "set-request", in: 1...5,
            alternatives: "1 normal, 2 with-first-datablock, 3 with-datablock, 4 with-list, "
                + "5 with-list-and-first-datablock",
            from: &reader
        )
        let invokeIdAndPriority = try InvokeIdAndPriority(from: &reader)
        switch choice {
        case 1:
            let attribute = try CosemAttributeDescriptor(from: &reader)
            let selection = try SelectiveAccessDescriptor.optional(from: &reader)
            let value = try LNServiceFields.data("value", from: &reader)
            self = .normal(Normal(
                invokeIdAndPriority: invokeIdAndPriority, attribute: attribute, accessSelection: selection, value: value
            ))
        case 2:
            let attribute = try CosemAttributeDescriptor(from: &reader)
            let selection = try SelectiveAccessDescriptor.optional(from: &reader)
            let block = try DataBlockSA(from: &reader, notes: &notes)
            self = .withFirstDataBlock(WithFirstDataBlock(
                invokeIdAndPriority: invokeIdAndPriority, attribute: attribute, accessSelection: selection, block: block
            ))
        case 3:
            self = .withDataBlock(WithDataBlock(
                invokeIdAndPriority: invokeIdAndPriority, block: try DataBlockSA(from: &reader, notes: &notes)
            ))
        case 4:
            let (attributes, attributeCount) = try Self.attributeList(from: &reader)
            let (values, valueCount) = try LNServiceFields.sequence(of: "values", minimumSize: 1, from: &reader) {
                (reader: inout ByteReader) throws(DecodingError) in
                try LNServiceFields.data("value", from: &reader)
            }
            self = .withList(WithList(
                invokeIdAndPriority: invokeIdAndPriority, attributes: attributes, values: values,
                attributeCount: attributeCount, valueCount: valueCount
            ))
        default:
            let (attributes, attributeCount) = try Self.attributeList(from: &reader)
            let block = try DataBlockSA(from: &reader, notes: &notes)
            self = .withListAndFirstDataBlock(WithListAndFirstDataBlock(
                invokeIdAndPriority: invokeIdAndPriority, attributes: attributes, block: block,
                attributeCount: attributeCount
            ))
        }
    }

    private static func attributeList(
        from reader: inout ByteReader
    ) throws(DecodingError) -> (elements: [CosemAttributeDescriptorWithSelection], count: AXDRLengthForm) {
        try LNServiceFields.sequence(
            of: "attribute descriptors", minimumSize: CosemAttributeDescriptorWithSelection.minimumSize, from: &reader
        ) { (reader: inout ByteReader) throws(DecodingError) in
            try CosemAttributeDescriptorWithSelection(from: &reader)
        }
    }

    /// Writes the whole Set-Request, tag included.
    public func encode(into bytes: inout [UInt8]) {
        bytes += [Self.tag, choice, invokeIdAndPriority.rawValue]
        switch self {
        case let .normal(request):
            request.attribute.encode(into: &bytes)
            SelectiveAccessDescriptor.encodeOptional(request.accessSelection, into: &bytes)
            request.value.encode(into: &bytes)
        case let .withFirstDataBlock(request):
            request.attribute.encode(into: &bytes)
            SelectiveAccessDescriptor.encodeOptional(request.accessSelection, into: &bytes)
            request.block.encode(into: &bytes)
        case let .withDataBlock(request):
            request.block.encode(into: &bytes)
        case let .withList(request):
            AXDRLength.append(request.attributes.count, form: request.attributeCount, to: &bytes)
            for attribute in request.attributes { attribute.encode(into: &bytes) }
            AXDRLength.append(request.values.count, form: request.valueCount, to: &bytes)
            for value in request.values { value.encode(into: &bytes) }
        case let .withListAndFirstDataBlock(request):
            AXDRLength.append(request.attributes.count, form: request.attributeCount, to: &bytes)
            for attribute in request.attributes { attribute.encode(into: &bytes) }
            request.block.encode(into: &bytes)
        }
    }

    /// The encoded APDU.
    public var encoded: [UInt8] {
        var bytes = [UInt8]()
        encode(into: &bytes)
        return bytes
    }
}
