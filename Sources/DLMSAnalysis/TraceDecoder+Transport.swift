import DLMSCore
import DLMSTransport

// Until the framing stage lands, every transport unit is a record of its own
// (`transport.kind` "none") that says what carried it and how many bytes.
extension TraceDecoder {
    mutating func record(_ event: TransportEvent) {
        switch event {
        case let .data(data):
            var fields = [Field.text("protocol", data.transport.rawValue), .integer("bytes", data.bytes.count)]
            if let offset = data.streamOffset { fields.append(.integer("streamOffset", offset)) }
            emit(packets: data.packets, time: data.time, flow: flowNames.name(data.flow), direction: data.direction,
                 transport: TransportHeader(kind: .none, fields: fields), findings: data.findings)
        case let .gap(gap):
            let fields = [
                Field.text("protocol", TransportProtocol.tcp.rawValue), .integer("missingBytes", gap.byteCount),
                .integer("streamOffset", gap.streamOffset),
            ]
            emit(packets: gap.packets, time: gap.time, flow: flowNames.name(gap.flow), direction: gap.direction,
                 transport: TransportHeader(kind: .none, fields: fields), findings: [gap.finding])
        case let .notice(notice):
            emit(packets: notice.packets, time: notice.time, flow: flowNames.name(notice.flow),
                 direction: notice.direction, transport: TransportHeader(kind: .none), findings: [notice.finding])
        case .end:
            break
        }
    }
}
