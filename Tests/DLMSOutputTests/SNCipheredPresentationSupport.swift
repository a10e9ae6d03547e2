import DLMSAPDU
import DLMSCore
import DLMSOutput
import DLMSTestSupport
import Testing

/// Reading the Gurux reference XML and our own the same way for the SN and
/// ciphered families: comments removed (including Gurux's nested ones, which
/// make some of its blocks ill-formed), then parsed into a tree.
enum SNCipheredXML {
    /// The text without comments; `<!--` inside a comment opens a nested one
    /// (Gurux puts commented XML, with its own comments, into a comment).
    static func withoutComments(_ text: String) -> String {
        var result = ""
        var depth = 0
        var index = text.startIndex
        while index < text.endIndex {
            let rest = text[index...]
            if rest.hasPrefix("<!--") {
                depth += 1
                index = text.index(index, offsetBy: 4)
            } else if depth > 0, rest.hasPrefix("-->") {
                depth -= 1
                index = text.index(index, offsetBy: 3)
            } else {
                if depth == 0 { result.append(text[index]) }
                index = text.index(after: index)
            }
        }
        return result
    }

    /// The element of the first block of reference case `name`.
    static func gurux(_ name: String) throws -> GuruxReference.Tree {
        let reference = try #require(GuruxReference.load(name))
        let block = try #require(reference.outputs.first)
        return try #require(GuruxReference.tree(withoutComments(block)), "case \(name) is not XML without its comments")
    }

    /// The APDU element inside a frame case's `<PDU>`.
    static func guruxFramePDU(_ name: String) throws -> GuruxReference.Tree {
        guard case let .element(_, _, children) = try gurux(name),
              case let .element("PDU", _, pdu)? = children.first(where: {
                  if case .element("PDU", _, _) = $0 { return true } else { return false }
              }),
              let element = pdu.first
        else { throw ShapeError.noPDU }
        return element
    }

    enum ShapeError: Error { case noPDU }

    /// Our element, written out and parsed back (so it must be well-formed).
    static func ours(_ node: XMLNode) throws -> GuruxReference.Tree {
        try #require(GuruxReference.tree(node.xmlText), "not well-formed: \(node.xmlText)")
    }

    /// A hand-written expected element.
    static func expected(_ xml: String) throws -> GuruxReference.Tree {
        try #require(GuruxReference.tree(xml), "expected XML is not well-formed")
    }

    /// The comments of an element tree (ours), in order.
    static func comments(_ node: XMLNode) -> [String] {
        switch node {
        case let .comment(text): [text]
        case .text: []
        case let .element(_, _, children): children.flatMap(comments)
        }
    }
}

/// Looking up JSON members in presenter output by a dotted path
/// ("results.0.choice": member, list index, member).
enum SNCipheredJSON {
    static func at(_ fields: [Field], _ path: String) -> Field.Value? {
        var value: Field.Value? = .fields(fields)
        for component in path.split(separator: ".") {
            switch value {
            case let .fields(members)?:
                value = members.first { $0.name == component }?.value
            case let .list(elements)?:
                guard let index = Int(component), elements.indices.contains(index) else { return nil }
                value = elements[index]
            default:
                return nil
            }
        }
        return value
    }
}

/// Decoding the first APDU of a reference case.
enum SNCipheredCase {
    static func hex(_ text: String) -> [UInt8] { Hex.decode(text) ?? [] }

    static func bytes(_ name: String) throws -> [UInt8] {
        let reference = try #require(GuruxReference.load(name))
        return try #require(reference.inputs.first)
    }

    static func decode<T>(
        _ name: String, _ decoder: (inout ByteReader, inout DecodingNotes) throws(DecodingError) -> T
    ) throws -> T {
        var reader = ByteReader(try bytes(name))
        var notes = DecodingNotes()
        return try decoder(&reader, &notes)
    }
}
