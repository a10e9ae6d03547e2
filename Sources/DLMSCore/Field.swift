/// A named value in a decoded header, kept in order, that every renderer
/// (JSON, XML, text) can print without knowing the protocol it came from.
public struct Field: Sendable, Hashable {
    public var name: String
    public var value: Value

    // Not `indirect`: the recursive cases hold arrays, which are already
    // references, and an indirect enum boxes every value on the heap (one
    // allocation per number or string rendered).
    public enum Value: Sendable, Hashable {
        case integer(Int64)
        case unsigned(UInt64)
        /// A floating-point number (JSON has no NaN or infinity: those are written as null).
        case float(Double)
        case boolean(Bool)
        case text(String)
        /// Bytes, printed as upper-case hex.
        case bytes([UInt8])
        case fields([Field])
        case list([Value])
        case null
        /// A value already encoded as JSON text. Only the JSON renderer asks
        /// presenters for it (its fast path for COSEM data); the text and XML
        /// renderers always get the tree.
        case json([UInt8])
    }

    public init(_ name: String, _ value: Value) {
        self.name = name
        self.value = value
    }

    /// Inlinable, so that callers in other modules get it specialised for their integer type
    /// (unspecialised, every header field went through `BinaryInteger`'s witness table).
    @inlinable public static func integer<T: BinaryInteger>(_ name: String, _ value: T) -> Field {
        if let signed = Int64(exactly: value) { return Field(name, .integer(signed)) }
        return Field(name, .unsigned(UInt64(truncatingIfNeeded: value)))
    }

    public static func text(_ name: String, _ value: String) -> Field { Field(name, .text(value)) }
    public static func boolean(_ name: String, _ value: Bool) -> Field { Field(name, .boolean(value)) }
    @inlinable public static func bytes<C: Collection>(_ name: String, _ value: C) -> Field where C.Element == UInt8 {
        Field(name, .bytes(Array(value)))
    }
}
