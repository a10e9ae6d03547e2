/// A COSEM data value: one alternative of the `Data` CHOICE that attribute
/// values, method parameters and notifications carry, A-XDR encoded
/// (Blue Book §4.1.5, IEC 62056-6-2; spec-notes §5).
///
/// The model keeps everything needed to give back the received bytes:
/// floats as bit patterns, strings as bytes, date and time fields as sent,
/// the packed contents of a compact array, and the form of every A-XDR length
/// that was not written canonically (`AXDRLengthForm`) and of a boolean that
/// was not 00 or 01. Values built in code leave those at their defaults and
/// encode canonically. Two values that differ only in such a form are not
/// equal; compare `canonicalized` values to ignore it.
///
/// Decoding (`DLMSData+Decoding.swift`) bounds every length and count by the
/// bytes present and nesting by `maximumDepth`; encoding is in
/// `DLMSData+Encoding.swift`.
public enum DLMSData: Sendable, Hashable {
    /// null-data (tag 0): no value.
    case nullData
    /// array (tag 1): elements of one type; `length` is the form of the element count.
    case array([DLMSData], length: AXDRLengthForm = .canonical)
    /// structure (tag 2): members of any types; `length` is the form of the member count.
    case structure([DLMSData], length: AXDRLengthForm = .canonical)
    /// boolean (tag 3). A-XDR writes 00 for false and 01 for true; `raw` holds
    /// any other byte that was received (read as true).
    case boolean(Bool, raw: UInt8? = nil)
    /// bit-string (tag 4); `length` is the form of the bit count.
    indirect case bitString(BitString, length: AXDRLengthForm = .canonical)
    /// double-long (tag 5): int32.
    case doubleLong(Int32)
    /// double-long-unsigned (tag 6): uint32.
    case doubleLongUnsigned(UInt32)
    /// octet-string (tag 9).
    case octetString([UInt8], length: AXDRLengthForm = .canonical)
    /// visible-string (tag 10): the bytes as sent (ISO 646 characters); see `text`.
    case visibleString([UInt8], length: AXDRLengthForm = .canonical)
    /// utf8-string (tag 12): the bytes as sent; see `text`.
    case utf8String([UInt8], length: AXDRLengthForm = .canonical)
    /// bcd (tag 13): the byte as sent (two BCD digits); see `bcdDigits`.
    case bcd(UInt8)
    /// integer (tag 15): int8.
    case integer(Int8)
    /// long (tag 16): int16.
    case long(Int16)
    /// unsigned (tag 17): uint8.
    case unsigned(UInt8)
    /// long-unsigned (tag 18): uint16.
    case longUnsigned(UInt16)
    /// compact-array (tag 19): a contents-description and the packed values.
    indirect case compactArray(CompactArray)
    /// long64 (tag 20): int64.
    case long64(Int64)
    /// long64-unsigned (tag 21): uint64.
    case long64Unsigned(UInt64)
    /// enum (tag 22): uint8, named by the attribute's definition.
    case `enum`(UInt8)
    /// float32 (tag 23): the IEEE 754 single-precision bits, kept so that any
    /// NaN payload survives a round trip; see `floatValue`.
    case float32(bitPattern: UInt32)
    /// float64 (tag 24): the IEEE 754 double-precision bits; see `doubleValue`.
    case float64(bitPattern: UInt64)
    /// date-time (tag 25): 12 bytes.
    case dateTime(COSEMDateTime)
    /// date (tag 26): 5 bytes.
    case date(COSEMDate)
    /// time (tag 27): 4 bytes.
    case time(COSEMTime)
    /// dont-care (tag 255): no value.
    case dontCare

    /// A float32 value holding `value`'s bits.
    public static func float32(_ value: Float) -> DLMSData { .float32(bitPattern: value.bitPattern) }

    /// A float64 value holding `value`'s bits.
    public static func float64(_ value: Double) -> DLMSData { .float64(bitPattern: value.bitPattern) }

    /// A visible-string of `text`'s UTF-8 bytes (ASCII for a conforming visible-string).
    public static func visibleString(_ text: String) -> DLMSData { .visibleString(Array(text.utf8)) }

    /// A utf8-string of `text`.
    public static func utf8String(_ text: String) -> DLMSData { .utf8String(Array(text.utf8)) }

    /// How many arrays, structures and compact arrays (and the array and
    /// structure levels of a contents-description) may be nested in one
    /// another. A container inside the 64th level is a `DecodingError`, so
    /// decoding recursion is bounded whatever the input.
    public static let maximumDepth = 64
}
