import DLMSCore

/// The security header before a protected APDU's content (Green Book,
/// security header; spec-notes §4.1): the security control byte, then the
/// 4-byte invocation counter (big-endian) that with the sender's system
/// title makes the GCM IV.
public struct SecurityHeader: Sendable, Hashable {
    /// The encoded size: SC (1) + IC (4).
    public static let encodedCount = 5

    public var securityControl: SecurityControl
    public var invocationCounter: UInt32

    public init(securityControl: SecurityControl, invocationCounter: UInt32) {
        self.securityControl = securityControl
        self.invocationCounter = invocationCounter
    }

    public init(from reader: inout ByteReader) throws(DecodingError) {
        let offset = reader.position
        guard reader.remainingCount >= Self.encodedCount, let control = reader.readUInt8(),
              let counter = reader.readUInt32()
        else {
            throw DecodingError(
                "security header needs 5 bytes (security control and invocation counter), \(reader.remainingCount) present",
                at: offset
            )
        }
        securityControl = SecurityControl(rawValue: control)
        invocationCounter = counter
    }

    public func encode(into bytes: inout [UInt8]) {
        bytes.append(securityControl.rawValue)
        bytes += invocationCounterBytes
    }

    /// The invocation counter as sent: 4 bytes, big-endian (the last third of the GCM IV).
    public var invocationCounterBytes: [UInt8] {
        [
            UInt8(truncatingIfNeeded: invocationCounter >> 24), UInt8(truncatingIfNeeded: invocationCounter >> 16),
            UInt8(truncatingIfNeeded: invocationCounter >> 8), UInt8(truncatingIfNeeded: invocationCounter),
        ]
    }
}
