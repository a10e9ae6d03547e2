import DLMSCore

extension ActionRequest {
    /// Reads a whole Action-Request, tag included.
    public init(from reader: inout ByteReader, notes: inout DecodingNotes) throws(DecodingError) {
        try LNServiceFields.tag(Self.tag, of: "action-request", from: &reader)
        let choice = try LNServiceFields.choice(
            "action-request", in: 1...6,
            alternatives: "1 normal, 2 next-pblock, 3 with-list, 4 with-first-pblock, "
                + "5 with-list-and-first-pblock, 6 with-pblock",
            from: &reader
        )
        let invokeIdAndPriority = try InvokeIdAndPriority(from: &reader)
        switch choice {
        case 1:
            let method = try CosemMethodDescriptor(from: &reader)
            let parameters = try LNServiceFields.isPresent("method-invocation-parameters", from: &reader)
                ? try LNServiceFields.data("method-invocation-parameters", from: &reader) : nil
            self = .normal(Normal(invokeIdAndPriority: invokeIdAndPriority, method: method, parameters: parameters))
        case 2:
            let block = try LNServiceFields.uint32("block-number", from: &reader)
            self = .nextPBlock(NextPBlock(invokeIdAndPriority: invokeIdAndPriority, blockNumber: block))
        case 3:
            let (methods, methodCount) = try Self.methodList(from: &reader)
            let (parameters, parameterCount) = try LNServiceFields.sequence(
                of: "method-invocation-parameters", minimumSize: 1, from: &reader
            ) { (reader: inout ByteReader) throws(DecodingError) in
                try LNServiceFields.data("method-invocation-parameters", from: &reader)
            }
            self = .withList(WithList(
                invokeIdAndPriority: invokeIdAndPriority, methods: methods, parameters: parameters,
                methodCount: methodCount, parameterCount: parameterCount
            ))
        case 4:
            let method = try CosemMethodDescriptor(from: &reader)
            let block = try DataBlockSA(from: &reader, notes: &notes)
            self = .withFirstPBlock(WithFirstPBlock(invokeIdAndPriority: invokeIdAndPriority, method: method, block: block))
        case 5:
            let (methods, methodCount) = try Self.methodList(from: &reader)
            let block = try DataBlockSA(from: &reader, notes: &notes)
            self = .withListAndFirstPBlock(WithListAndFirstPBlock(
                invokeIdAndPriority: invokeIdAndPriority, methods: methods, block: block, methodCount: methodCount
            ))
        default:
            self = .withPBlock(WithPBlock(
                invokeIdAndPriority: invokeIdAndPriority, block: try DataBlockSA(from: &reader, notes: &notes)
            ))
        }
    }

    private static func methodList(
        from reader: inout ByteReader
    ) throws(DecodingError) -> (elements: [CosemMethodDescriptor], count: AXDRLengthForm) {
        try LNServiceFields.sequence(of: "method descriptors", minimumSize: 9, from: &reader) {
            (reader: inout ByteReader) throws(DecodingError) in
            try CosemMethodDescriptor(from: &reader)
        }
    }

    /// Writes the whole Action-Request, tag included.
    public func encode(into bytes: inout [UInt8]) {
        bytes += [Self.tag, choice, invokeIdAndPriority.rawValue]
        switch self {
        case let .normal(request):
            request.method.encode(into: &bytes)
            if let parameters = request.parameters {
                bytes.append(1)
                parameters.encode(into: &bytes)
            } else {
                bytes.append(0)
            }
        case let .nextPBlock(request):
            LNServiceFields.append(request.blockNumber, to: &bytes)
        case let .withList(request):
            AXDRLength.append(request.methods.count, form: request.methodCount, to: &bytes)
            for method in request.methods { method.encode(into: &bytes) }
            AXDRLength.append(request.parameters.count, form: request.parameterCount, to: &bytes)
            for parameter in request.parameters { parameter.encode(into: &bytes) }
        case let .withFirstPBlock(request):
            request.method.encode(into: &bytes)
            request.block.encode(into: &bytes)
        case let .withListAndFirstPBlock(request):
            AXDRLength.append(request.methods.count, form: request.methodCount, to: &bytes)
            for method in request.methods { method.encode(into: &bytes) }
            request.block.encode(into: &bytes)
        case let .withPBlock(request):
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
