import DLMSCore

extension MBusFrame {
    /// The header fields of the frame, in the order every unit lists them:
    /// frame, length, control, function, primary, address, ci, segment,
    /// lastSegment, sourceTSAP, destinationTSAP, checksum, then data for a
    /// frame of another application (or a DLMS frame too short for its TSAPs).
    public var fields: [Field] {
        var fields: [Field] = [.text("frame", format.rawValue)]
        if let lengthField { fields.append(.integer("length", lengthField)) }
        if let control {
            fields.append(.bytes("control", [control.rawValue]))
            fields.append(.text("function", control.functionName ?? "0x" + Hex.encode([control.rawValue])))
            fields.append(.boolean("primary", control.isPrimary))
        }
        if let address { fields.append(.integer("address", address)) }
        if let ci { fields.append(.bytes("ci", [ci])) }
        let segment = dlmsSegment
        if let segment {
            fields.append(.integer("segment", segment.counter))
            fields.append(.boolean("lastSegment", segment.isLast))
            fields.append(.integer("sourceTSAP", segment.sourceTSAP))
            fields.append(.integer("destinationTSAP", segment.destinationTSAP))
        }
        if checksum != nil { fields.append(.text("checksum", isChecksumValid ? "valid" : "invalid")) }
        if format == .long, segment == nil { fields.append(.bytes("data", data)) }
        return fields
    }
}
