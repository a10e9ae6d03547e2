import DLMSCore

/// Invoke-Id-And-Priority (Green Book): bit 7 priority (1 high), bit 6
/// service class (1 confirmed), bits 3..0 the invoke-id.
public struct InvokeIdAndPriority: Sendable, Hashable {
    public var rawValue: UInt8

    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public init(invokeId: UInt8, highPriority: Bool = true, confirmed: Bool = true) {
        rawValue = (highPriority ? 0x80 : 0) | (confirmed ? 0x40 : 0) | (invokeId & 0x0F)
    }

    public var invokeId: UInt8 { rawValue & 0x0F }
    public var highPriority: Bool { rawValue & 0x80 != 0 }
    public var confirmed: Bool { rawValue & 0x40 != 0 }

    public init(from reader: inout ByteReader) throws(DecodingError) {
        guard let byte = reader.readUInt8() else { throw DecodingError("invoke-id-and-priority missing", at: reader.position) }
        rawValue = byte
    }

    public func encode(into bytes: inout [UInt8]) { bytes.append(rawValue) }
}
