extension DLMSData {
    /// The value's type tag.
    public var tag: TypeTag {
        switch self {
        case .nullData: .nullData
        case .array: .array
        case .structure: .structure
        case .boolean: .boolean
        case .bitString: .bitString
        case .doubleLong: .doubleLong
        case .doubleLongUnsigned: .doubleLongUnsigned
        case .octetString: .octetString
        case .visibleString: .visibleString
        case .utf8String: .utf8String
        case .bcd: .bcd
        case .integer: .integer
        case .long: .long
        case .unsigned: .unsigned
        case .longUnsigned: .longUnsigned
        case .compactArray: .compactArray
        case .long64: .long64
        case .long64Unsigned: .long64Unsigned
        case .enum: .enum
        case .float32: .float32
        case .float64: .float64
        case .dateTime: .dateTime
        case .date: .date
        case .time: .time
        case .dontCare: .dontCare
        }
    }

    /// The A-XDR type name in kebab case ("double-long-unsigned"), as the JSON contract writes it.
    public var typeName: String { tag.name }

    /// The elements of an array, the members of a structure, or the decoded
    /// elements of a compact array; nil for other types.
    public var elements: [DLMSData]? {
        switch self {
        case .array(let elements, _), .structure(let elements, _): elements
        case .compactArray(let value): value.elements
        default: nil
        }
    }

    /// The bytes of an octet-string; nil for other types.
    public var octetString: [UInt8]? {
        if case .octetString(let bytes, _) = self { return bytes }
        return nil
    }

    /// The value of any integer type (integer, long, double-long, long64 and
    /// their unsigned forms), of an enum, and of a bcd (its byte as sent, as
    /// the JSON contract prints it); nil for other types and for a
    /// long64-unsigned above `Int64.max`.
    public var integerValue: Int64? {
        switch self {
        case .integer(let value): Int64(value)
        case .long(let value): Int64(value)
        case .doubleLong(let value): Int64(value)
        case .long64(let value): value
        case .unsigned(let value), .enum(let value), .bcd(let value): Int64(value)
        case .longUnsigned(let value): Int64(value)
        case .doubleLongUnsigned(let value): Int64(value)
        case .long64Unsigned(let value): Int64(exactly: value)
        default: nil
        }
    }

    /// The value of the same types as `integerValue` when it is not negative.
    public var unsignedValue: UInt64? {
        switch self {
        case .long64Unsigned(let value): value
        default: integerValue.flatMap { UInt64(exactly: $0) }
        }
    }

    /// The value of a boolean; nil for other types.
    public var boolValue: Bool? {
        if case .boolean(let value, _) = self { return value }
        return nil
    }

    /// The value of a float32; nil for other types.
    public var floatValue: Float? {
        if case .float32(let bits) = self { return Float(bitPattern: bits) }
        return nil
    }

    /// The value of a float64, or of a float32 widened; nil for other types.
    public var doubleValue: Double? {
        switch self {
        case .float32(let bits): Double(Float(bitPattern: bits))
        case .float64(let bits): Double(bitPattern: bits)
        default: nil
        }
    }

    /// The bit-string value; nil for other types.
    public var bitStringValue: BitString? {
        if case .bitString(let value, _) = self { return value }
        return nil
    }

    /// A date-time: the value of a date-time (tag 25), or an octet-string of
    /// 12 bytes read as one (how date-times are usually sent); nil otherwise.
    /// Whether an octet-string of 12 bytes really is a date-time depends on
    /// the attribute; callers that know it decide.
    public var dateTimeValue: COSEMDateTime? {
        switch self {
        case .dateTime(let value): value
        case .octetString(let bytes, _): COSEMDateTime(octetString: bytes)
        default: nil
        }
    }

    /// The two decimal digits of a bcd byte (0x42 gives 42); nil for other
    /// types or when a nibble is above 9.
    public var bcdDigits: Int? {
        guard case .bcd(let byte) = self, byte >> 4 <= 9, byte & 0x0F <= 9 else { return nil }
        return Int(byte >> 4) * 10 + Int(byte & 0x0F)
    }

    /// The same value with every A-XDR length in canonical form and booleans
    /// written 00/01: the value a canonical encoder would have produced.
    /// Compact-array contents are packed again from the elements.
    public var canonicalized: DLMSData {
        switch self {
        case .array(let elements, _): .array(elements.map(\.canonicalized))
        case .structure(let elements, _): .structure(elements.map(\.canonicalized))
        case .boolean(let value, _): .boolean(value)
        case .bitString(let value, _): .bitString(value)
        case .octetString(let bytes, _): .octetString(bytes)
        case .visibleString(let bytes, _): .visibleString(bytes)
        case .utf8String(let bytes, _): .utf8String(bytes)
        case .compactArray(let value):
            CompactArray(
                contentsDescription: value.contentsDescription.canonicalized,
                elements: value.elements.map(\.canonicalized)
            ).map(DLMSData.compactArray) ?? self
        default: self
        }
    }
}
