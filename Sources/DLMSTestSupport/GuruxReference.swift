import DLMSCore
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The Gurux translator reference cases in ../shared/reference/gurux: hex
/// inputs and the XML Gurux printed for them, and a structural XML
/// comparison that ignores comments and layout (the XML contract compares
/// APDU elements "with comments removed").
public enum GuruxReference {
    public struct Case: Sendable {
        public let name: String
        /// One input per line (an APDU, or frames for frame cases).
        public let inputs: [[UInt8]]
        /// Gurux's XML, one block per input line.
        public let outputs: [String]
    }

    /// Loads case `name` (e.g. "09_get_request_normal").
    public static func load(_ name: String) -> Case? {
        let base = Fixtures.shared("reference/gurux/" + name)
        guard let hex = try? String(contentsOfFile: base + ".hex", encoding: .utf8),
              let xml = try? String(contentsOfFile: base + ".xml", encoding: .utf8)
        else { return nil }
        let inputs = hex.split(whereSeparator: \.isNewline)
            .filter { !$0.hasPrefix("#") && !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            .compactMap { Hex.decode($0) }
        var outputs: [String] = []
        var block: [Substring] = []
        for line in xml.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "----" {
                outputs.append(block.joined(separator: "\n"))
                block = []
            } else {
                block.append(line)
            }
        }
        return Case(name: name, inputs: inputs, outputs: outputs)
    }

    /// An element tree without comments or whitespace-only text.
    public indirect enum Tree: Equatable, CustomStringConvertible, Sendable {
        case element(String, attributes: [String: String], children: [Tree])
        case text(String)

        public var description: String {
            switch self {
            case let .text(text): return text
            case let .element(name, attributes, children):
                let attributes = attributes.sorted { $0.key < $1.key }.map { " \($0.key)=\"\($0.value)\"" }.joined()
                return "<\(name)\(attributes)>" + children.map(\.description).joined() + "</\(name)>"
            }
        }
    }

    /// Parses XML text into a tree; nil when it is not well-formed.
    public static func tree(_ xml: String) -> Tree? {
        let builder = TreeBuilder()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else { return nil }
        return root
    }

    private final class TreeBuilder: NSObject, XMLParserDelegate {
        private var stack: [(name: String, attributes: [String: String], children: [Tree])] = []
        var root: Tree?

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            stack.append((name, attributes, []))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            let text = string.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty, !stack.isEmpty else { return }
            stack[stack.count - 1].children.append(.text(text))
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            guard let top = stack.popLast() else { return }
            let element = Tree.element(top.name, attributes: top.attributes, children: top.children)
            if stack.isEmpty { root = element } else { stack[stack.count - 1].children.append(element) }
        }
    }
}
