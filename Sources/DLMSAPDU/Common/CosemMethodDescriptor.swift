import DLMSCore

/// Cosem-Method-Descriptor: class-id, logical name (OBIS) and method-id.
public struct CosemMethodDescriptor: Sendable, Hashable {
    public var classId: UInt16
    public var instance: OBISCode
    public var methodId: Int8

    public init(classId: UInt16, instance: OBISCode, methodId: Int8) {
        self.classId = classId
        self.instance = instance
        self.methodId = methodId
    }

    public init(from reader: inout ByteReader) throws(DecodingError) {
        let start = reader.position
        guard let classId = reader.readUInt16(), let name = reader.readBytes(6), let method = reader.readUInt8(),
              let instance = OBISCode(bytes: name)
        else { throw DecodingError("method descriptor needs 9 bytes", at: start) }
        self.classId = classId
        self.instance = instance
        methodId = Int8(bitPattern: method)
    }

    public func encode(into bytes: inout [UInt8]) {
        bytes += [UInt8(truncatingIfNeeded: classId >> 8), UInt8(truncatingIfNeeded: classId)] + instance.bytes + [UInt8(bitPattern: methodId)]
    }

    /// The interface class's name for the method, if known.
    public var methodName: String? { InterfaceClass.methodName(classID: classId, method: Int(methodId)) }
}
