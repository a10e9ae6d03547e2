/// A COSEM interface class (IEC 62056-6-2 / DLMS UA Blue Book part 2): the
/// class id of an object and the names of its attributes and methods.
///
/// Attribute and method lists are those of the highest class version named
/// in the catalogue; attributes added by later versions are simply absent
/// from objects of older versions. Attribute 1 is `logical_name` for every
/// class, known or not.
public struct InterfaceClass: Hashable, Sendable, CustomStringConvertible {
    public var id: UInt16

    public init(id: UInt16) {
        self.id = id
    }

    /// The class name, e.g. "Association LN" for 15, or nil for an unknown id.
    public var name: String? { Self.catalogue[id]?.name }

    /// The class name, or "class N" for an unknown id.
    public var description: String { name ?? "class \(id)" }

    /// Whether the id is one the catalogue knows.
    public var isKnown: Bool { Self.catalogue[id] != nil }

    /// The name of attribute `attribute` (1-based, `logical_name` is 1),
    /// e.g. `scaler_unit` for Register attribute 3; nil when not known.
    public func attributeName(_ attribute: Int) -> String? {
        if attribute == 1 { return "logical_name" }
        guard attribute >= 2, let attributes = Self.catalogue[id]?.attributes, attribute - 2 < attributes.count
        else { return nil }
        let name = attributes[attribute - 2]
        return name.isEmpty ? nil : name
    }

    /// The name of method `method` (1-based), e.g. `reply_to_HLS_authentication`
    /// for Association LN method 1; nil when not known.
    public func methodName(_ method: Int) -> String? {
        guard method >= 1, let methods = Self.catalogue[id]?.methods, method - 1 < methods.count else { return nil }
        let name = methods[method - 1]
        return name.isEmpty ? nil : name
    }

    /// Number of attributes (including `logical_name`) in the catalogue entry.
    public var attributeCount: Int? { Self.catalogue[id].map { $0.attributes.count + 1 } }

    /// Number of methods in the catalogue entry.
    public var methodCount: Int? { Self.catalogue[id]?.methods.count }

    /// The name of the class with this id, or nil.
    public static func name(of classID: UInt16) -> String? {
        InterfaceClass(id: classID).name
    }

    /// The name of an attribute of a class, or nil. Attribute 1 is always `logical_name`.
    public static func attributeName(classID: UInt16, attribute: Int) -> String? {
        InterfaceClass(id: classID).attributeName(attribute)
    }

    /// The name of a method of a class, or nil.
    public static func methodName(classID: UInt16, method: Int) -> String? {
        InterfaceClass(id: classID).methodName(method)
    }

    /// Every class id the catalogue names, ascending.
    public static var knownIDs: [UInt16] { catalogue.keys.sorted() }
}
