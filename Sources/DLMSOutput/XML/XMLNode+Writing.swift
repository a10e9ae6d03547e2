// Writing XML nodes the way the Gurux translator lays them out (two spaces
// per level, `<Leaf Value="..." />`, `<Container Qty="04" >`), so that a
// reader who knows Gurux output feels at home; comparisons in tests are
// structural, not textual.
extension XMLNode {
    /// Appends the node, indented by `level` steps of two spaces.
    public func write(to out: inout String, level: Int) {
        let pad = String(repeating: "  ", count: level)
        switch self {
        case let .comment(text):
            out += pad + "<!--" + Self.commentSafe(text) + "-->\n"
        case let .text(text):
            out += pad + Self.escape(text, attribute: false) + "\n"
        case let .element(name, attributes, children):
            var open = "<" + name
            for attribute in attributes {
                open += " \(attribute.name)=\"\(Self.escape(attribute.value, attribute: true))\""
            }
            if children.isEmpty {
                out += pad + open + " />\n"
                return
            }
            out += pad + open + (attributes.isEmpty ? ">\n" : " >\n")
            for child in children { child.write(to: &out, level: level + 1) }
            out += pad + "</" + name + ">\n"
        }
    }

    /// The node as a standalone string.
    public var xmlText: String {
        var out = ""
        write(to: &out, level: 0)
        return out
    }

    /// Escapes text for content or attributes; characters XML 1.0 cannot carry become U+FFFD.
    static func escape(_ text: String, attribute: Bool) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += attribute ? "&quot;" : "\""
            case "\n": result += attribute ? "&#10;" : "\n"
            case "\r": result += "&#13;"
            case "\t": result += attribute ? "&#9;" : "\t"
            case _ where scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value):
                result += "\u{FFFD}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// A comment may not contain `--` nor end with `-`.
    static func commentSafe(_ text: String) -> String {
        var safe = ""
        for character in escape(text, attribute: false) {
            if character == "-", safe.last == "-" { safe += " " }
            safe.append(character)
        }
        if safe.last == "-" { safe += " " }
        return safe
    }
}
