import DLMSCore

/// Long-Invoke-Id-And-Priority (data-notification, access): bits 23..0 the
/// invoke-id, bit 28 self-descriptive, bit 29 processing-option (break on
/// error), bit 30 service class (1 confirmed), bit 31 priority (1 high).
public struct LongInvokeIdAndPriority: Sendable, Hashable {
    public var rawValue: UInt32

    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public var invokeId: UInt32 { rawValue & 0x00FF_FFFF }
    public var selfDescriptive: Bool { rawValue & 0x1000_0000 != 0 }
    public var breakOnError: Bool { rawValue & 0x2000_0000 != 0 }
    public var confirmed: Bool { rawValue & 0x4000_0000 != 0 }
    public var highPriority: Bool { rawValue & 0x8000_0000 != 0 }

    public init(from reader: inout ByteReader) throws(DecodingError) {
        guard let value = reader.readUInt32() else {
            throw DecodingError("long-invoke-id-and-priority needs 4 bytes", at: reader.position)
        }
        rawValue = value
    }

    public func encode(into bytes: inout [UInt8]) {
        bytes += [
            UInt8(truncatingIfNeeded: rawValue >> 24), UInt8(truncatingIfNeeded: rawValue >> 16), UInt8(truncatingIfNeeded: rawValue >> 8),
            UInt8(truncatingIfNeeded: rawValue),
        ]
    }
}
