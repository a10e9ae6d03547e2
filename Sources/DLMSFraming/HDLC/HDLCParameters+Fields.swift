import DLMSCore

extension HDLCParameters {
    /// The parameters present, in identifier order; a zero-length value (the
    /// default: 128 bytes, window 1) is `null`.
    var fields: [Field] {
        let values = [
            ("maxInfoTransmit", maxInfoTransmit), ("maxInfoReceive", maxInfoReceive),
            ("windowTransmit", windowTransmit), ("windowReceive", windowReceive),
        ]
        return values.compactMap { name, value in
            switch value {
            case nil: nil
            case .default?: Field(name, .null)
            case let .value(number)?: Field.integer(name, number)
            }
        }
    }
}
