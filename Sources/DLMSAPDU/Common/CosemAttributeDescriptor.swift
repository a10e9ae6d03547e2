import DLMSCore

/// Cosem-Attribute-Descriptor: class-id, logical name (OBIS) and attribute-id
/// (signed: negative ids are manufacturer-specific).
public struct CosemAttributeDescriptor: Sendable, Hashable {
    public var classId: UInt16
    public var instance: OBISCode
    public var attributeId: Int8

    public init(classId: UInt16, instance: OBISCode, attributeId: Int8) {
        self.classId = classId
        self.instance = instance
        self.attributeId = attributeId
    }

    public init(from reader: inout ByteReader) throws(DecodingError) {
        let start = reader.position
        guard let classId = reader.readUInt16(), let name = reader.readBytes(6), let attribute = reader.readUInt8(),
              let instance = OBISCode(bytes: name)
        else { throw DecodingError("attribute descriptor needs 9 bytes", at: start) }
        self.classId = classId
        self.instance = instance
        attributeId = Int8(bitPattern: attribute)
    }

    public func encode(into bytes: inout [UInt8]) {
        bytes += [UInt8(truncatingIfNeeded: classId >> 8), UInt8(truncatingIfNeeded: classId)] + instance.bytes + [UInt8(bitPattern: attributeId)]
    }

    /// The interface class's name for the attribute, if known.
    public var attributeName: String? { InterfaceClass.attributeName(classID: classId, attribute: Int(attributeId)) }
}
