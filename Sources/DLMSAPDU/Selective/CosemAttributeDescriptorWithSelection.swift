import DLMSCore

/// Cosem-Attribute-Descriptor-With-Selection (Green Book): an attribute and
/// an OPTIONAL selective access, the element of the attribute lists of
/// GET-Request-With-List and SET-Request-With-List.
public struct CosemAttributeDescriptorWithSelection: Sendable, Hashable {
    public var attribute: CosemAttributeDescriptor
    public var accessSelection: SelectiveAccessDescriptor?

    public init(attribute: CosemAttributeDescriptor, accessSelection: SelectiveAccessDescriptor? = nil) {
        self.attribute = attribute
        self.accessSelection = accessSelection
    }

    /// Encoded size of the smallest element: descriptor (9) and presence flag (1).
    static let minimumSize = 10

    public init(from reader: inout ByteReader) throws(DecodingError) {
        attribute = try CosemAttributeDescriptor(from: &reader)
        accessSelection = try SelectiveAccessDescriptor.optional(from: &reader)
    }

    public func encode(into bytes: inout [UInt8]) {
        attribute.encode(into: &bytes)
        SelectiveAccessDescriptor.encodeOptional(accessSelection, into: &bytes)
    }
}
