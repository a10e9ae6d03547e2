/// A piece of XML output: an element, a comment or text. APDUs describe
/// themselves as trees of these in the Gurux translator's simple-XML
/// vocabulary (`<Name Value="..." />`, containers with `Qty`), and the
/// renderer writes them with their indentation.
public indirect enum XMLNode: Sendable, Hashable {
    case element(String, attributes: [XMLAttribute], children: [XMLNode])
    case comment(String)
    case text(String)

    /// `<name Value="value" />`, the shape of every Gurux leaf.
    public static func value(_ name: String, _ value: String) -> XMLNode {
        .element(name, attributes: [XMLAttribute("Value", value)], children: [])
    }

    /// A container element, optionally with attributes (`Qty` for arrays and structures).
    public static func node(_ name: String, _ attributes: [XMLAttribute] = [], _ children: [XMLNode] = []) -> XMLNode {
        .element(name, attributes: attributes, children: children)
    }

    /// `Qty` as Gurux writes it: the count in upper-case hex, at least two digits.
    public static func quantity(_ count: Int) -> XMLAttribute {
        let digits = String(count, radix: 16, uppercase: true)
        return XMLAttribute("Qty", digits.count % 2 == 1 ? "0" + digits : digits)
    }
}

/// One attribute of an element.
public struct XMLAttribute: Sendable, Hashable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}
