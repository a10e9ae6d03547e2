import DLMSCore

/// The link parameters negotiated in the information field of SNRM and UA
/// (IEC 62056-46, from ISO/IEC 13239):
/// `81` (format identifier) `80` (group identifier) `<group length>`, then
/// parameters `<id> <length> <value>`:
/// `05` maximum information field length, transmit; `06` receive;
/// `07` window size, transmit; `08` receive. Values are 1, 2 or 4 bytes,
/// big-endian. A zero-length value means the default: 128 bytes for the
/// information field lengths, 1 for the window sizes. In a UA the values are
/// the server's own limits.
public struct HDLCParameters: Sendable, Hashable {
    /// One negotiated value.
    public enum Value: Sendable, Hashable {
        /// Present with no value bytes: the default applies (128 bytes, window 1).
        case `default`
        case value(UInt64)
    }

    public var maxInfoTransmit: Value?
    public var maxInfoReceive: Value?
    public var windowTransmit: Value?
    public var windowReceive: Value?

    public init(
        maxInfoTransmit: Value? = nil, maxInfoReceive: Value? = nil,
        windowTransmit: Value? = nil, windowReceive: Value? = nil
    ) {
        self.maxInfoTransmit = maxInfoTransmit
        self.maxInfoReceive = maxInfoReceive
        self.windowTransmit = windowTransmit
        self.windowReceive = windowReceive
    }

    /// Parses a parameter field; nil unless it starts with `81 80 <length>`.
    ///
    /// The group length byte says which parameters there are: a parameter that
    /// starts inside the group is read whole, even if its value runs past the
    /// group's end (real meters send a group length that is short, see the
    /// vector d22). Values longer than 8 bytes and unknown parameters are skipped.
    public init?(information: ArraySlice<UInt8>) {
        var reader = ByteReader(information)
        guard reader.readUInt8() == 0x81, reader.readUInt8() == 0x80, let groupLength = reader.readUInt8() else {
            return nil
        }
        let groupEnd = reader.position &+ Int(groupLength)
        while reader.position < groupEnd, let identifier = reader.readUInt8(), let length = reader.readUInt8(),
              let bytes = reader.readBytes(Int(length)) {
            guard bytes.count <= 8 else { continue }
            let value: Value = bytes.isEmpty ? .default : .value(bytes.reduce(0) { $0 << 8 | UInt64($1) })
            switch identifier {
            case 0x05: maxInfoTransmit = value
            case 0x06: maxInfoReceive = value
            case 0x07: windowTransmit = value
            case 0x08: windowReceive = value
            default: break
            }
        }
    }
}
