import DLMSCore

extension SelectiveAccessDescriptor {
    /// Reads `access-selection Selective-Access-Descriptor OPTIONAL`.
    static func optional(from reader: inout ByteReader) throws(DecodingError) -> SelectiveAccessDescriptor? {
        guard try LNServiceFields.isPresent("access-selection", from: &reader) else { return nil }
        return try SelectiveAccessDescriptor(from: &reader)
    }

    /// Writes `00`, or `01` and the descriptor.
    static func encodeOptional(_ selection: SelectiveAccessDescriptor?, into bytes: inout [UInt8]) {
        guard let selection else {
            bytes.append(0)
            return
        }
        bytes.append(1)
        selection.encode(into: &bytes)
    }
}
