/// Writing an ACSE APDU: its elements in ascending tag order (or in the
/// recorded order), with the recorded lengths when they still apply.
enum ACSEWriter {
    /// The elements in the order they are written.
    static func ordered(_ elements: [BERNode], wireForm: ACSEWireForm) -> [BERNode] {
        if let order = wireForm.elementOrder, order.count == elements.count {
            // The elements with each tag, in the order they are listed; taken in turn.
            var queues: [[UInt8]: (indices: [Int], next: Int)] = [:]
            for (index, element) in elements.enumerated() { queues[element.tag, default: ([], 0)].indices.append(index) }
            var result: [BERNode] = []
            result.reserveCapacity(elements.count)
            for tag in order {
                guard let queue = queues[tag], queue.next < queue.indices.count else { break }
                result.append(elements[queue.indices[queue.next]])
                queues[tag]?.next += 1
            }
            if result.count == elements.count { return result }
        }
        return canonicalOrder(elements)
    }

    /// Ascending tag number, stable.
    static func canonicalOrder(_ elements: [BERNode]) -> [BERNode] {
        elements.enumerated()
            .sorted { (BERHeader.number(of: $0.element.tag), $0.offset) < (BERHeader.number(of: $1.element.tag), $1.offset) }
            .map(\.element)
    }

    static func write(tag: UInt8, elements: [BERNode], wireForm: ACSEWireForm, into bytes: inout [UInt8]) {
        let apdu = BERNode.constructed(tag: [tag], children: ordered(elements, wireForm: wireForm))
        var writer = BERNodeWriter(forms: wireForm.lengths, headerCount: apdu.headerCount)
        writer.write(apdu, into: &bytes)
    }
}
