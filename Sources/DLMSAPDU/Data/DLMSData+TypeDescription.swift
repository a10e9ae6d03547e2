import DLMSCore

extension DLMSData {
    /// The contents-description of a compact array (Blue Book §4.1.5,
    /// `TypeDescription`; spec-notes §5): the type every element has.
    ///
    /// A simple type is its tag; an array is `01`, a two-byte element count
    /// and the element's description; a structure is `02`, an A-XDR member
    /// count and the members' descriptions.
    public indirect enum TypeDescription: Sendable, Hashable {
        /// A type that is not a container: `tag.isContainer` is false.
        case simple(TypeTag)
        /// An array of exactly `count` elements of one type.
        case array(count: UInt16, element: TypeDescription)
        /// A structure; `length` is the form of the member count.
        case structure([TypeDescription], length: AXDRLengthForm = .canonical)

        /// Appends the description's encoding.
        public func encode(into bytes: inout [UInt8]) {
            switch self {
            case .simple(let tag):
                bytes.append(tag.rawValue)
            case .array(let count, let element):
                bytes.append(TypeTag.array.rawValue)
                bytes.append(UInt8(truncatingIfNeeded: count >> 8))
                bytes.append(UInt8(truncatingIfNeeded: count))
                element.encode(into: &bytes)
            case .structure(let members, let length):
                bytes.append(TypeTag.structure.rawValue)
                AXDRLength.append(members.count, form: length, to: &bytes)
                for member in members { member.encode(into: &bytes) }
            }
        }

        /// The description's encoding.
        public var encoded: [UInt8] {
            var bytes = [UInt8]()
            encode(into: &bytes)
            return bytes
        }

        /// False when a simple description names a container type (which has
        /// no meaning in a contents-description; the decoder never makes one).
        public var isWellFormed: Bool {
            switch self {
            case .simple(let tag): !tag.isContainer
            case .array(_, let element): element.isWellFormed
            case .structure(let members, _): members.allSatisfy(\.isWellFormed)
            }
        }

        /// The same description with every length in canonical form.
        public var canonicalized: TypeDescription {
            switch self {
            case .simple: self
            case .array(let count, let element): .array(count: count, element: element.canonicalized)
            case .structure(let members, _): .structure(members.map(\.canonicalized))
            }
        }
    }
}

// MARK: Decoding

extension DLMSData.TypeDescription {
    /// Reads a description. `depth` is the nesting level of the values it
    /// describes (their containers count against `DLMSData.maximumDepth`).
    static func decode(from reader: inout ByteReader, depth: Int) throws(DecodingError) -> Self {
        let offset = reader.position
        guard let byte = reader.readUInt8() else {
            throw DecodingError("data ends inside a compact-array contents-description", at: offset)
        }
        guard let tag = DLMSData.TypeTag(rawValue: byte) else {
            throw DecodingError(
                "compact-array contents-description has \(DLMSData.unknownTagText(byte))", at: offset
            )
        }
        switch tag {
        case .compactArray:
            throw DecodingError("a compact-array contents-description cannot describe a compact-array", at: offset)
        case .array, .structure:
            guard depth < DLMSData.maximumDepth else {
                throw DecodingError(
                    "compact-array contents-description nested deeper than \(DLMSData.maximumDepth) levels",
                    at: offset
                )
            }
            if tag == .array {
                let countOffset = reader.position
                guard let count = reader.readUInt16() else {
                    throw DecodingError(
                        "compact-array array description needs a 2-byte element count, "
                            + "\(reader.remainingCount) bytes present",
                        at: countOffset
                    )
                }
                let element = try decode(from: &reader, depth: depth + 1)
                return .array(count: count, element: element)
            }
            let countOffset = reader.position
            let (count, form) = try AXDRLength.read(from: &reader, what: "structure description member count")
            // Every member description takes at least one byte.
            guard count <= reader.remainingCount else {
                throw DecodingError(
                    "compact-array structure description of \(count) members but only "
                        + "\(reader.remainingCount) bytes follow",
                    at: countOffset
                )
            }
            var members = [Self]()
            members.reserveCapacity(count)
            for _ in 0..<count {
                members.append(try decode(from: &reader, depth: depth + 1))
            }
            return .structure(members, length: form)
        default:
            return .simple(tag)
        }
    }

    /// The fewest content bytes one value of this description takes, and the
    /// number of `DLMSData` values (nodes) it decodes into, both saturating at
    /// `cap` so that `array(65535, array(65535, ...))` cannot overflow.
    func cost(cap: Int) -> (minimumBytes: Int, values: Int) {
        func add(_ a: Int, _ b: Int) -> Int {
            let (sum, overflow) = a.addingReportingOverflow(b)
            return overflow ? cap : min(sum, cap)
        }
        func multiply(_ a: Int, _ b: Int) -> Int {
            let (product, overflow) = a.multipliedReportingOverflow(by: b)
            return overflow ? cap : min(product, cap)
        }
        switch self {
        case .simple(let tag):
            // Types with a length take at least the one length byte.
            return (tag.fixedSize ?? 1, 1)
        case .array(let count, let element):
            let inner = element.cost(cap: cap)
            return (multiply(Int(count), inner.minimumBytes), add(1, multiply(Int(count), inner.values)))
        case .structure(let members, _):
            var bytes = 0
            var values = 1
            for member in members {
                let inner = member.cost(cap: cap)
                bytes = add(bytes, inner.minimumBytes)
                values = add(values, inner.values)
            }
            return (bytes, values)
        }
    }
}
