import DLMSCore

extension HDLCAddress {
    /// `address` (the bytes as sent), `upper`, and `lower` for a 2- or 4-byte address.
    var fields: [Field] {
        var fields = [Field.bytes("address", bytes)]
        if let upper { fields.append(.integer("upper", upper)) }
        if let lower { fields.append(.integer("lower", lower)) }
        return fields
    }

    /// `upper`, and `lower` when there is one: how a server address is shown.
    var serverFields: [Field] {
        [upper.map { Field.integer("upper", $0) }, lower.map { Field.integer("lower", $0) }].compactMap { $0 }
    }
}
