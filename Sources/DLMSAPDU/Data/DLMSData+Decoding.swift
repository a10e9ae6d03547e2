import DLMSCore

extension DLMSData {
    /// Decodes one value at the reader's position and leaves the reader just
    /// after it; the bytes still in the reader are whatever follows the value.
    ///
    /// Every length and element count is checked against the bytes present
    /// before anything is reserved or looped over, nesting is bounded by
    /// `maximumDepth`, and every error carries the absolute offset of the
    /// byte it is about (`ByteReader.position` convention).
    public static func decode(from reader: inout ByteReader) throws(DecodingError) -> DLMSData {
        try decode(from: &reader, depth: 0)
    }

    /// Decodes the value at the start of `bytes` and returns it with the
    /// bytes that follow it (which an APDU decoder reports as trailing bytes).
    public static func decode(
        _ bytes: ArraySlice<UInt8>
    ) throws(DecodingError) -> (value: DLMSData, remaining: ArraySlice<UInt8>) {
        var reader = ByteReader(bytes)
        let value = try decode(from: &reader, depth: 0)
        return (value, reader.remaining)
    }

    /// Decodes the value at the start of `bytes` and returns it with the
    /// bytes that follow it; offsets are indices into `bytes`.
    public static func decode(
        _ bytes: [UInt8]
    ) throws(DecodingError) -> (value: DLMSData, remaining: ArraySlice<UInt8>) {
        try decode(bytes[...])
    }

    /// Decodes a value that must fill `bytes` exactly; bytes after the value
    /// are an error pointing at the first of them.
    public init(decoding bytes: ArraySlice<UInt8>) throws(DecodingError) {
        let (value, remaining) = try Self.decode(bytes)
        guard remaining.isEmpty else {
            throw DecodingError("\(remaining.count) bytes follow the \(value.typeName) value", at: remaining.startIndex)
        }
        self = value
    }

    /// Decodes a value that must fill `bytes` exactly.
    public init(decoding bytes: [UInt8]) throws(DecodingError) {
        try self.init(decoding: bytes[...])
    }

    /// Decoding a compact array refuses descriptions that would turn one
    /// content byte into more values than this (a description such as
    /// `structure{array(65535, null-data), unsigned}` would otherwise make a
    /// few bytes allocate millions of values).
    public static let maximumValuesPerContentByte = 16
}

// MARK: Tagged values

extension DLMSData {
    /// Decodes a tagged value whose containers are at nesting level `depth`
    /// (0 at the top); containers are refused once `depth` reaches `maximumDepth`.
    static func decode(from reader: inout ByteReader, depth: Int) throws(DecodingError) -> DLMSData {
        let offset = reader.position
        guard let byte = reader.readUInt8() else {
            throw DecodingError("data ends where a data type tag was expected", at: offset)
        }
        guard let tag = TypeTag(rawValue: byte) else {
            throw DecodingError(unknownTagText(byte), at: offset)
        }
        guard tag.isContainer else { return try decodeBody(of: tag, from: &reader) }
        guard depth < maximumDepth else {
            throw DecodingError("\(tag.name) nested deeper than \(maximumDepth) levels", at: offset)
        }
        if tag == .compactArray {
            return .compactArray(try decodeCompactArray(from: &reader, depth: depth + 1))
        }
        let countOffset = reader.position
        let (count, form) = try AXDRLength.read(from: &reader, what: "\(tag.name) element count")
        // Every element takes at least its tag byte, so a count larger than
        // the bytes left cannot be true: refuse it before reserving anything.
        guard count <= reader.remainingCount else {
            throw DecodingError(
                "\(tag.name) of \(count) elements but only \(reader.remainingCount) bytes follow", at: countOffset
            )
        }
        var elements = [DLMSData]()
        elements.reserveCapacity(count)
        for _ in 0..<count {
            elements.append(try decode(from: &reader, depth: depth + 1))
        }
        return tag == .array ? .array(elements, length: form) : .structure(elements, length: form)
    }

    /// Reads what follows the tag of a type that is not a container; shared
    /// by tagged values and the packed contents of compact arrays.
    static func decodeBody(of tag: TypeTag, from reader: inout ByteReader) throws(DecodingError) -> DLMSData {
        let offset = reader.position
        func truncated(_ size: Int) -> DecodingError {
            DecodingError("\(tag.name) needs \(size) bytes, \(reader.remainingCount) present", at: offset)
        }
        func read<T: FixedWidthInteger>(_: T.Type) throws(DecodingError) -> T {
            guard let value = reader.readInteger(T.self) else { throw truncated(MemoryLayout<T>.size) }
            return value
        }
        switch tag {
        case .nullData: return .nullData
        case .dontCare: return .dontCare
        case .boolean:
            let byte = try read(UInt8.self)
            return .boolean(byte != 0, raw: byte > 1 ? byte : nil)
        case .bcd: return .bcd(try read(UInt8.self))
        case .integer: return .integer(try read(Int8.self))
        case .unsigned: return .unsigned(try read(UInt8.self))
        case .enum: return .enum(try read(UInt8.self))
        case .long: return .long(try read(Int16.self))
        case .longUnsigned: return .longUnsigned(try read(UInt16.self))
        case .doubleLong: return .doubleLong(try read(Int32.self))
        case .doubleLongUnsigned: return .doubleLongUnsigned(try read(UInt32.self))
        case .long64: return .long64(try read(Int64.self))
        case .long64Unsigned: return .long64Unsigned(try read(UInt64.self))
        case .float32: return .float32(bitPattern: try read(UInt32.self))
        case .float64: return .float64(bitPattern: try read(UInt64.self))
        case .dateTime:
            guard let bytes = reader.readBytes(COSEMDateTime.encodedCount),
                  let value = COSEMDateTime(bytes: bytes)
            else { throw truncated(COSEMDateTime.encodedCount) }
            return .dateTime(value)
        case .date:
            guard let bytes = reader.readBytes(COSEMDate.encodedCount), let value = COSEMDate(bytes: bytes)
            else { throw truncated(COSEMDate.encodedCount) }
            return .date(value)
        case .time:
            guard let bytes = reader.readBytes(COSEMTime.encodedCount), let value = COSEMTime(bytes: bytes)
            else { throw truncated(COSEMTime.encodedCount) }
            return .time(value)
        case .bitString:
            let (bits, form) = try AXDRLength.read(from: &reader, what: "bit-string length")
            let byteCount = BitString.byteCount(forBits: bits)
            guard let bytes = reader.readBytes(byteCount), let value = BitString(count: bits, bytes: Array(bytes))
            else {
                throw DecodingError(
                    "bit-string of \(bits) bits needs \(byteCount) bytes, \(reader.remainingCount) present", at: offset
                )
            }
            return .bitString(value, length: form)
        case .octetString, .visibleString, .utf8String:
            let (length, form) = try AXDRLength.read(from: &reader, what: "\(tag.name) length")
            guard let slice = reader.readBytes(length) else {
                throw DecodingError(
                    "\(tag.name) of \(length) bytes but only \(reader.remainingCount) follow", at: offset
                )
            }
            let bytes = Array(slice)
            switch tag {
            case .octetString: return .octetString(bytes, length: form)
            case .visibleString: return .visibleString(bytes, length: form)
            default: return .utf8String(bytes, length: form)
            }
        case .array, .structure, .compactArray:
            // Only reached through a contents-description that names a
            // container as a simple type, which the decoder never builds.
            throw DecodingError("\(tag.name) cannot be decoded without its own description", at: offset)
        }
    }

    /// The message for a tag byte that is not a data type.
    static func unknownTagText(_ byte: UInt8) -> String {
        switch byte {
        case 7, 8, 11, 14: "data type tag \(byte) (0x\(Hex.encode([byte]))), which current editions do not use"
        default: "unknown data type tag \(byte) (0x\(Hex.encode([byte])))"
        }
    }
}

// MARK: Compact arrays

extension DLMSData {
    /// Reads a compact array's description and contents (after its tag);
    /// `depth` is the nesting level of its elements.
    static func decodeCompactArray(from reader: inout ByteReader, depth: Int) throws(DecodingError) -> CompactArray {
        let description = try TypeDescription.decode(from: &reader, depth: depth)
        let lengthOffset = reader.position
        let (length, form) = try AXDRLength.read(from: &reader, what: "compact-array contents length")
        guard let contents = reader.readBytes(length) else {
            throw DecodingError(
                "compact-array contents of \(length) bytes but only \(reader.remainingCount) follow", at: lengthOffset
            )
        }
        let elements = try decodePackedElements(contents, as: description)
        return CompactArray(
            contentsDescription: description, elements: elements, contents: Array(contents), contentsLength: form
        )
    }

    /// Decodes packed contents into elements of `description` until the
    /// contents are used up; an element cut short, or one that does not fit
    /// the description, is an error naming the mismatch.
    static func decodePackedElements(
        _ contents: ArraySlice<UInt8>,
        as description: TypeDescription
    ) throws(DecodingError) -> [DLMSData] {
        guard !contents.isEmpty else { return [] }
        let cost = description.cost(cap: Int(UInt32.max))
        // An element must take at least one byte, or the loop below would not end.
        guard cost.minimumBytes > 0 else {
            throw DecodingError(
                "compact-array contents-description describes elements of no bytes, "
                    + "but \(contents.count) content bytes follow",
                at: contents.startIndex
            )
        }
        guard cost.values <= maximumValuesPerContentByte * cost.minimumBytes else {
            throw DecodingError(
                "compact-array contents-description makes \(cost.values) values of as few as "
                    + "\(cost.minimumBytes) bytes (more than \(maximumValuesPerContentByte) a byte)",
                at: contents.startIndex
            )
        }
        var reader = ByteReader(contents)
        var elements = [DLMSData]()
        elements.reserveCapacity(contents.count / cost.minimumBytes)
        while !reader.isAtEnd {
            let elementOffset = reader.position
            do throws(DecodingError) {
                elements.append(try decodePacked(as: description, from: &reader))
            } catch {
                throw DecodingError(
                    "compact-array contents do not match the contents-description: element \(elements.count + 1) "
                        + "(from byte \(elementOffset)): \(error.message)",
                    at: error.offset
                )
            }
        }
        return elements
    }

    /// Decodes one packed value of `description` (no tags, no counts).
    /// Recursion follows the description, whose nesting is already bounded.
    static func decodePacked(
        as description: TypeDescription,
        from reader: inout ByteReader
    ) throws(DecodingError) -> DLMSData {
        switch description {
        case .simple(let tag):
            return try decodeBody(of: tag, from: &reader)
        case .array(let count, let element):
            var elements = [DLMSData]()
            elements.reserveCapacity(min(Int(count), reader.remainingCount))
            for _ in 0..<count {
                elements.append(try decodePacked(as: element, from: &reader))
            }
            return .array(elements)
        case .structure(let members, _):
            var values = [DLMSData]()
            values.reserveCapacity(members.count)
            for member in members {
                values.append(try decodePacked(as: member, from: &reader))
            }
            return .structure(values)
        }
    }
}
