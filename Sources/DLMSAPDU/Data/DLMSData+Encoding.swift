extension DLMSData {
    /// Appends the value's A-XDR encoding: its tag, then its value.
    ///
    /// Lengths are written in the form recorded in the value (`AXDRLengthForm`,
    /// canonical unless decoded otherwise), a boolean's non-standard byte is
    /// written back, and a compact array's packed contents are written as
    /// received; so encoding a decoded value gives back the decoded bytes, and
    /// values built in code encode canonically.
    public func encode(into bytes: inout [UInt8]) {
        bytes.append(tag.rawValue)
        encodeBody(into: &bytes)
    }

    /// The value's A-XDR encoding.
    public var encoded: [UInt8] {
        var bytes = [UInt8]()
        encode(into: &bytes)
        return bytes
    }

    /// Appends what follows the tag.
    func encodeBody(into bytes: inout [UInt8]) {
        switch self {
        case .nullData, .dontCare:
            break
        case .array(let elements, let length), .structure(let elements, let length):
            AXDRLength.append(elements.count, form: length, to: &bytes)
            for element in elements { element.encode(into: &bytes) }
        case .boolean(let value, let raw):
            // A recorded byte is written back only while it still says the same.
            if let raw, raw != 0, value { bytes.append(raw) } else { bytes.append(value ? 1 : 0) }
        case .bitString(let value, let length):
            AXDRLength.append(value.count, form: length, to: &bytes)
            bytes += value.bytes
        case .doubleLong(let value): Self.append(value, to: &bytes)
        case .doubleLongUnsigned(let value): Self.append(value, to: &bytes)
        case .octetString(let value, let length), .visibleString(let value, let length),
             .utf8String(let value, let length):
            AXDRLength.append(value.count, form: length, to: &bytes)
            bytes += value
        case .bcd(let value), .unsigned(let value), .enum(let value):
            bytes.append(value)
        case .integer(let value): bytes.append(UInt8(bitPattern: value))
        case .long(let value): Self.append(value, to: &bytes)
        case .longUnsigned(let value): Self.append(value, to: &bytes)
        case .compactArray(let value):
            value.contentsDescription.encode(into: &bytes)
            AXDRLength.append(value.contents.count, form: value.contentsLength, to: &bytes)
            bytes += value.contents
        case .long64(let value): Self.append(value, to: &bytes)
        case .long64Unsigned(let value): Self.append(value, to: &bytes)
        case .float32(let bits): Self.append(bits, to: &bytes)
        case .float64(let bits): Self.append(bits, to: &bytes)
        case .dateTime(let value): value.encode(into: &bytes)
        case .date(let value): value.encode(into: &bytes)
        case .time(let value): value.encode(into: &bytes)
        }
    }

    /// Appends the value packed as a compact array's contents hold it: no
    /// tag, no counts for arrays and structures. Returns false (leaving
    /// `bytes` possibly extended) when the value does not have the described type.
    func encodePacked(as description: TypeDescription, into bytes: inout [UInt8]) -> Bool {
        switch (description, self) {
        case (.simple(let tag), _):
            guard !tag.isContainer, tag == self.tag else { return false }
            encodeBody(into: &bytes)
            return true
        case (.array(let count, let element), .array(let elements, _)):
            guard elements.count == Int(count) else { return false }
            return elements.allSatisfy { $0.encodePacked(as: element, into: &bytes) }
        case (.structure(let members, _), .structure(let values, _)):
            guard members.count == values.count else { return false }
            return zip(values, members).allSatisfy { $0.encodePacked(as: $1, into: &bytes) }
        default:
            return false
        }
    }

    /// Appends an integer big-endian.
    static func append<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
        let bigEndian = value.bigEndian
        withUnsafeBytes(of: bigEndian) { bytes.append(contentsOf: $0) }
    }
}
