import DLMSCore

/// The IEC 62056-47 WRAPPER header: version, source and destination wPort,
/// and the length of the APDU that follows (four big-endian 16-bit fields).
public struct WrapperHeader: Sendable, Hashable {
    public static let length = 8

    public var version: UInt16
    public var sourcePort: UInt16
    public var destinationPort: UInt16
    public var payloadLength: Int

    /// Reads a header from the first 8 bytes; nil when fewer are present.
    public init?(_ bytes: ArraySlice<UInt8>) {
        var reader = ByteReader(bytes)
        guard let version = reader.readUInt16(), let source = reader.readUInt16(),
              let destination = reader.readUInt16(), let length = reader.readUInt16()
        else { return nil }
        self.version = version
        sourcePort = source
        destinationPort = destination
        payloadLength = Int(length)
    }

    /// Version 1 is the only one defined.
    public var isValid: Bool { version == 1 }

    var fields: [Field] {
        [
            .integer("version", version), .integer("sourceWPort", sourcePort),
            .integer("destinationWPort", destinationPort), .integer("length", payloadLength),
        ]
    }
}
