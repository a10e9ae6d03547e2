import DLMSCore

extension HDLCFrame {
    /// The header fields of the unit this frame ends, in wire order (see
    /// `HDLCDeframer` for the layout). `llc` is the LLC header of the message
    /// (of its first segment), `segments` the number of frames it was joined from.
    func fields(llc: LLCHeader?, segments: Int, direction: Direction?) -> [Field] {
        var fields: [Field] = [
            .bytes("format", [UInt8(truncatingIfNeeded: format >> 8), UInt8(truncatingIfNeeded: format)]),
            .boolean("segmented", isSegmented),
            .integer("length", length),
        ]
        if let destination { fields.append(Field("destination", .fields(destination.fields))) }
        if let source { fields.append(Field("source", .fields(source.fields))) }
        if let control {
            fields.append(.bytes("control", [control.byte]))
            fields.append(.text("frameType", control.type.rawValue))
            if let ns = control.sendSequence { fields.append(.integer("ns", ns)) }
            if let nr = control.receiveSequence { fields.append(.integer("nr", nr)) }
            fields.append(.boolean("pf", control.pollFinal))
        }
        if let hcsValid { fields.append(.text("hcs", hcsValid ? "valid" : "invalid")) }
        fields.append(.text("fcs", fcsValid ? "valid" : "invalid"))
        fields += informationFields(llc: llc, segments: segments)
        switch direction {
        case .clientToServer?: fields += endpointFields(client: source, server: destination)
        case .serverToClient?: fields += endpointFields(client: destination, server: source)
        default: break
        }
        return fields
    }

    /// `llc` and `segments` for I/UI frames; `parameters` (SNRM, UA) or `frmr`;
    /// `information` for any other information the unit would not show.
    private func informationFields(llc: LLCHeader?, segments: Int) -> [Field] {
        switch control?.type {
        case .i?, .ui?:
            let header = llc.map { Field.bytes("llc", $0.bytes) } ?? Field("llc", .null)
            return segments > 1 ? [header, .integer("segments", segments)] : [header]
        case .snrm?, .ua?:
            if let parameters = HDLCParameters(information: information) {
                return [Field("parameters", .fields(parameters.fields))]
            }
        case .frmr?:
            if let reject = HDLCFrameReject(information: information) {
                return [Field("frmr", .fields(reject.fields))]
            }
        default:
            break
        }
        return information.isEmpty ? [] : [.bytes("information", information)]
    }

    private func endpointFields(client: HDLCAddress?, server: HDLCAddress?) -> [Field] {
        var fields: [Field] = []
        if let upper = client?.upper { fields.append(.integer("client", upper)) }
        if let server, server.isValid { fields.append(Field("server", .fields(server.serverFields))) }
        return fields
    }
}
