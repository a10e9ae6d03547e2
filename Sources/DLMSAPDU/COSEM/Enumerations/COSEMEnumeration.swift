/// A one-byte enumeration of the DLMS standards (Green Book ASN.1 ENUMERATED
/// types and friends) whose values have names.
///
/// Every conforming type holds any byte, defined or not, so that a decoder
/// can keep what was on the wire; `name` is the standard's identifier in
/// kebab case (the ASN.1 identifier, e.g. "read-write-denied") or nil for a
/// value the standard does not define.
public protocol COSEMEnumeration: RawRepresentable, Hashable, Sendable, CustomStringConvertible
where RawValue == UInt8 {
    /// Every value the standard defines, with its name.
    static var names: [UInt8: String] { get }

    init(rawValue: UInt8)
}

extension COSEMEnumeration {
    /// The standard's name of the value, or nil when it defines none.
    public var name: String? { Self.names[rawValue] }

    /// Whether the standard defines this value.
    public var isDefined: Bool { Self.names[rawValue] != nil }

    /// The name, or "unknown (N)" for an undefined value.
    public var description: String { name ?? "unknown (\(rawValue))" }

    /// The standard's name of `value`, or nil when it defines none.
    public static func name(of value: UInt8) -> String? { names[value] }

    /// The value with this name, or nil.
    public init?(name: String) {
        guard let value = Self.names.first(where: { $0.value == name })?.key else { return nil }
        self.init(rawValue: value)
    }
}
