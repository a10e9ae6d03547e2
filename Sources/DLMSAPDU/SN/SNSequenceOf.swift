import DLMSCore

/// SEQUENCE OF in A-XDR (spec-notes §5): an element count (an A-XDR length,
/// whose form is kept), then the elements. The SN services are lists of
/// variable-access-specifications, data values and results.
enum SNSequenceOf {
    /// Reads the count and `count` elements with `element`. A count larger
    /// than the bytes left cannot be true (every element takes at least one
    /// byte): it is refused before anything is reserved.
    static func decode<Element>(
        from reader: inout ByteReader, what: String,
        element: (inout ByteReader) throws(DecodingError) -> Element
    ) throws(DecodingError) -> (elements: [Element], form: AXDRLengthForm) {
        let offset = reader.position
        let (count, form) = try AXDRLength.read(from: &reader, what: "\(what) count")
        guard count <= reader.remainingCount else {
            throw DecodingError("\(what) of \(count) elements but only \(reader.remainingCount) bytes follow", at: offset)
        }
        var elements: [Element] = []
        elements.reserveCapacity(count)
        for _ in 0..<count { elements.append(try element(&reader)) }
        return (elements, form)
    }

    static func decodeSpecifications(
        from reader: inout ByteReader
    ) throws(DecodingError) -> (elements: [VariableAccessSpecification], form: AXDRLengthForm) {
        try decode(from: &reader, what: "variable-access-specification list") { (reader: inout ByteReader) throws(DecodingError) in
            try VariableAccessSpecification(from: &reader)
        }
    }

    static func decodeData(from reader: inout ByteReader) throws(DecodingError) -> (elements: [DLMSData], form: AXDRLengthForm) {
        try decode(from: &reader, what: "list-of-data") { (reader: inout ByteReader) throws(DecodingError) in
            try DLMSData.decode(from: &reader)
        }
    }

    static func encode(_ specifications: [VariableAccessSpecification], form: AXDRLengthForm, into bytes: inout [UInt8]) {
        AXDRLength.append(specifications.count, form: form, to: &bytes)
        for specification in specifications { specification.encode(into: &bytes) }
    }

    static func encode(_ values: [DLMSData], form: AXDRLengthForm, into bytes: inout [UInt8]) {
        AXDRLength.append(values.count, form: form, to: &bytes)
        for value in values { value.encode(into: &bytes) }
    }

    /// Reads the APDU tag and checks it.
    static func readTag(_ expected: UInt8, name: String, from reader: inout ByteReader) throws(DecodingError) {
        let offset = reader.position
        guard let tag = reader.readUInt8() else {
            throw DecodingError("data ends where the \(name) tag was expected", at: offset)
        }
        guard tag == expected else {
            throw DecodingError("tag \(Hex.encode([tag])) is not \(name) (\(Hex.encode([expected])))", at: offset)
        }
    }
}
