import DLMSCore

/// An HDLC address field (IEC 62056-46): 1, 2 or 4 bytes, each
/// carrying 7 bits in bits 7..1; bit 0 = 1 marks the last byte.
///
/// A client address is one byte (the client SAP). A server address is the
/// upper HDLC address (logical device) alone in one byte, or upper and lower
/// (physical device) in 7+7 bits (2 bytes) or 14+14 bits (4 bytes).
public struct HDLCAddress: Sendable, Hashable {
    /// The address bytes as sent.
    public var bytes: [UInt8]
    /// The upper address (the SAP of a one-byte address); nil when the field is invalid.
    public var upper: UInt16?
    /// The lower (physical) address of a 2- or 4-byte address.
    public var lower: UInt16?

    /// Whether the field has a legal size (1, 2 or 4 bytes) and only its last byte ends it.
    public var isValid: Bool { upper != nil }

    /// Whether the last byte has the end-of-address bit.
    public var isTerminated: Bool { bytes.last.map { $0 & 0x01 != 0 } ?? false }

    /// Decodes an address field; a field of another size, or one whose end bit
    /// is missing or set early, keeps its bytes without values.
    public init(bytes: [UInt8]) {
        self.bytes = bytes
        let ends = bytes.indices.filter { bytes[$0] & 0x01 != 0 }
        guard ends == [bytes.count - 1] else { return }
        let value = bytes.map { UInt16($0 >> 1) }  // widening
        switch value.count {
        case 1:
            upper = value[0]
        case 2:
            upper = value[0]
            lower = value[1]
        case 4:
            upper = value[0] << 7 | value[1]
            lower = value[2] << 7 | value[3]
        default:
            break
        }
    }

    /// Reads one address field: the bytes up to the first with bit 0 set, at
    /// most 4 (an unterminated field yields the 4 bytes, or fewer at the end of
    /// the reader). Nil only when the reader is empty.
    static func read(from reader: inout ByteReader) -> HDLCAddress? {
        var length = 0
        while length < 4, let byte = reader.peekUInt8(at: length) {
            length += 1
            if byte & 0x01 != 0 { break }
        }
        return reader.readBytes(length).flatMap { $0.isEmpty ? nil : HDLCAddress(bytes: Array($0)) }
    }
}
