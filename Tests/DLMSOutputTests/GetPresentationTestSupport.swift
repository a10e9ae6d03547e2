import DLMSAPDU
import DLMSCore
@testable import DLMSOutput
import DLMSTestSupport
import Foundation
import Testing

/// Decoding, rendering and comparing the LN-referencing service APDUs for
/// the presentation tests.
enum LNPresentation {
    /// Decodes one APDU of the LN service families by its tag.
    static func decode(_ bytes: [UInt8]) throws -> any APDUPresentable {
        var reader = ByteReader(bytes)
        var notes = DecodingNotes()
        switch bytes.first {
        case GetRequest.tag: return try GetRequest(from: &reader, notes: &notes)
        case GetResponse.tag: return try GetResponse(from: &reader, notes: &notes)
        case SetRequest.tag: return try SetRequest(from: &reader, notes: &notes)
        case SetResponse.tag: return try SetResponse(from: &reader, notes: &notes)
        case ActionRequest.tag: return try ActionRequest(from: &reader, notes: &notes)
        case ActionResponse.tag: return try ActionResponse(from: &reader, notes: &notes)
        case EventNotificationRequest.tag: return try EventNotificationRequest(from: &reader, notes: &notes)
        case DataNotification.tag: return try DataNotification(from: &reader, notes: &notes)
        case AccessRequest.tag: return try AccessRequest(from: &reader, notes: &notes)
        case AccessResponse.tag: return try AccessResponse(from: &reader, notes: &notes)
        case GeneralBlockTransfer.tag: return try GeneralBlockTransfer(from: &reader, notes: &notes)
        default: throw PresentationTestError.notAnLNServiceAPDU
        }
    }

    enum PresentationTestError: Error { case notAnLNServiceAPDU, notWellFormed(String), unexpectedShape }

    /// The tags `decode` knows.
    static let tags: Set<UInt8> = [0xC0, 0xC4, 0xC1, 0xC5, 0xC3, 0xC7, 0xC2, 0x0F, 0xD9, 0xDA, 0xE0]

    static func hex(_ text: String) throws -> [UInt8] {
        try #require(Hex.decode(text), "not hex: \(text)")
    }

    /// Our XML for an APDU, parsed (comments dropped); fails when not well-formed.
    static func tree(_ apdu: any APDUPresentable, _ context: PresentationContext = PresentationContext()) throws -> GuruxReference.Tree {
        let text = apdu.guruxXML(context).xmlText
        guard let tree = GuruxReference.tree(text) else { throw PresentationTestError.notWellFormed(text) }
        return tree
    }

    /// Gurux's XML for reference case `name` (its first block), parsed.
    static func gurux(_ name: String, block: Int = 0) throws -> GuruxReference.Tree {
        let reference = try #require(GuruxReference.load(name))
        let output = try #require(reference.outputs.dropFirst(block).first)
        guard let tree = GuruxReference.tree(output) else { throw PresentationTestError.notWellFormed(output) }
        return tree
    }

    /// The first input APDU of reference case `name`.
    static func input(_ name: String) throws -> [UInt8] {
        let reference = try #require(GuruxReference.load(name))
        return try #require(reference.inputs.first)
    }

    /// The APDU's JSON object as JSON text parsed back: `type`, `variant`, then the fields.
    static func json(_ apdu: any APDUPresentable, _ context: PresentationContext = PresentationContext()) throws -> [String: Any] {
        var fields: [Field] = [.text("type", apdu.apduType)]
        if let variant = apdu.variant { fields.append(.text("variant", variant)) }
        fields += apdu.jsonFields(context)
        var writer = JSONWriter()
        var out: [UInt8] = []
        writer.fields(fields, &out)
        let object = try JSONSerialization.jsonObject(with: Data(("{" + String(decoding: out, as: UTF8.self) + "}").utf8))
        return try #require(object as? [String: Any])
    }

    /// The comments of our XML, in order.
    static func comments(_ apdu: any APDUPresentable, _ context: PresentationContext = PresentationContext()) -> [String] {
        var comments: [String] = []
        func walk(_ node: XMLNode) {
            switch node {
            case let .comment(text): comments.append(text)
            case let .element(_, _, children): children.forEach(walk)
            case .text: break
            }
        }
        walk(apdu.guruxXML(context))
        return comments
    }

    /// An element of a tree by a path of child element names (first match at each level).
    static func element(_ tree: GuruxReference.Tree, _ path: String...) -> GuruxReference.Tree? {
        var current = tree
        for name in path {
            guard case let .element(_, _, children) = current,
                  let next = children.first(where: { if case let .element(child, _, _) = $0 { child == name } else { false } })
            else { return nil }
            current = next
        }
        return current
    }

    /// A copy of `tree` with `replacement` as the children of the element at `path`.
    static func replacingChildren(
        of tree: GuruxReference.Tree, at path: [String], with replacement: [GuruxReference.Tree]
    ) -> GuruxReference.Tree {
        guard case let .element(name, attributes, children) = tree else { return tree }
        guard let first = path.first else { return .element(name, attributes: attributes, children: replacement) }
        var done = false
        let updated = children.map { child -> GuruxReference.Tree in
            guard !done, case let .element(childName, _, _) = child, childName == first else { return child }
            done = true
            return replacingChildren(of: child, at: Array(path.dropFirst()), with: replacement)
        }
        return .element(name, attributes: attributes, children: updated)
    }

    /// The element children of an element.
    static func children(_ tree: GuruxReference.Tree?) -> [GuruxReference.Tree] {
        guard case let .element(_, _, children)? = tree else { return [] }
        return children
    }
}
