/// Writes nodes, taking the length forms in pre-order (a node's own length
/// before its children's) from a recorded list when there is one.
struct BERNodeWriter {
    private let forms: [BERLengthForm]?
    private var index = 0

    /// `forms` are used only when there is one per header of what is written (`headerCount`).
    init(forms: [BERLengthForm]?, headerCount: Int) {
        self.forms = forms?.count == headerCount ? forms : nil
    }

    mutating func write(_ node: BERNode, into bytes: inout [UInt8]) {
        let form = forms?[index] ?? .canonical
        index += 1
        switch node {
        case let .primitive(tag, content):
            bytes += tag
            BERHeader.appendLength(content.count, form: form, to: &bytes)
            bytes += content
        case let .constructed(tag, children):
            var content: [UInt8] = []
            for child in children { write(child, into: &content) }
            bytes += tag
            BERHeader.appendLength(content.count, form: form, to: &bytes)
            bytes += content
        }
    }
}
