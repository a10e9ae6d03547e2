import DLMSAPDU
import DLMSCore

// The conformance block: in JSON its three bytes in hex with the names of the
// bits set beside it; in XML one `<ConformanceBit Name="..." />` per bit set,
// in bit order, named as the Gurux translator names them (`GeneralProtection`).
extension Conformance {
    /// `"<key>": "007E1F", "<key>Bits": ["priority-mgmt-supported", ...]`.
    func jsonFields(_ key: String) -> [Field] {
        var fields: [Field] = [.bytes(key, bytes), Field(key + "Bits", .list(names.map { .text($0) }))]
        if tagForm == .withoutTagNumber { fields.append(.text(key + "Tag", "5F")) }
        if unusedBits != 0 { fields.append(.integer(key + "UnusedBits", unusedBits)) }
        return fields
    }

    /// `<name>` with a ConformanceBit per bit set, and comments for an unusual encoding.
    func guruxXML(_ name: String) -> [XMLNode] {
        var nodes: [XMLNode] = []
        if tagForm == .withoutTagNumber { nodes.append(.comment("conformance tag written as 5F, without 1F (an older encoding)")) }
        if unusedBits != 0 { nodes.append(.comment("conformance block declares \(unusedBits) unused bits")) }
        let bits = names.map { XMLNode.element("ConformanceBit", attributes: [XMLAttribute("Name", ACSEPresentation.pascalCase($0))], children: []) }
        nodes.append(.node(name, [], bits))
        return nodes
    }
}
