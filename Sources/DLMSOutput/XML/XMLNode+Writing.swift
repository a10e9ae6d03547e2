// Writing XML nodes the way the Gurux translator lays them out (two spaces
// per level, `<Leaf Value="..." />`, `<Container Qty="04" >`), so that a
// reader who knows Gurux output feels at home; comparisons in tests are
// structural, not textual.
extension XMLNode {
    /// Appends the node, indented by `level` steps of two spaces.
    ///
    /// Every piece is appended to `out` directly (no temporary strings per
    /// line): this runs for every element of every record of `-T xml`.
    public func write(to out: inout String, level: Int) {
        let pad = Self.indentation(level)
        switch self {
        case let .comment(text):
            out += pad
            out += "<!--"
            out += Self.commentSafe(text)
            out += "-->\n"
        case let .text(text):
            out += pad
            out += Self.escape(text, attribute: false)
            out += "\n"
        case let .element(name, attributes, children):
            out += pad
            out += "<"
            out += name
            for attribute in attributes {
                out += " "
                out += attribute.name
                out += "=\""
                out += Self.escape(attribute.value, attribute: true)
                out += "\""
            }
            if children.isEmpty {
                out += " />\n"
                return
            }
            out += attributes.isEmpty ? ">\n" : " >\n"
            for child in children { child.write(to: &out, level: level + 1) }
            out += pad
            out += "</"
            out += name
            out += ">\n"
        }
    }

    private static let indentations = (0..<16).map { String(repeating: "  ", count: $0) }

    /// `level` steps of two spaces.
    static func indentation(_ level: Int) -> String {
        level < indentations.count ? indentations[level] : String(repeating: "  ", count: level)
    }

    /// The node as a standalone string.
    public var xmlText: String {
        var out = ""
        write(to: &out, level: 0)
        return out
    }

    /// Escapes text for content or attributes; characters XML 1.0 cannot carry become U+FFFD.
    static func escape(_ text: String, attribute: Bool) -> String {
        // Most text is printable ASCII with nothing to escape: returned as it is.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x26 && $0 != 0x3C && $0 != 0x3E && $0 != 0x22 }) {
            return text
        }
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
        let escaped = escape(text, attribute: false)
        // Unchanged unless a "-" follows a "-" or ends the text (a Character
        // equal to "-" is exactly the byte 2D, so bytes tell).
        var previous: UInt8 = 0
        var doubled = false
        for byte in escaped.utf8 {
            if byte == 0x2D, previous == 0x2D {
                doubled = true
                break
            }
            previous = byte
        }
        if !doubled, escaped.utf8.last != 0x2D { return escaped }
        var safe = ""
        for character in escaped {
            if character == "-", safe.last == "-" { safe += " " }
            safe.append(character)
        }
        if safe.last == "-" { safe += " " }
        return safe
    }
}
