import DLMSAPDU
import DLMSCapture
import DLMSCore
import DLMSFraming
import DLMSTransport

// The framing stage inside the pipeline: each stream's bytes go to its own
// framer, and every unit it yields becomes a record.
extension TraceDecoder {
    mutating func record(_ event: TransportEvent) {
        switch event {
        case let .data(data):
            var context = streams.removeValue(forKey: data.stream) ?? newContext(for: data)
            if context.flowName == nil || context.flow != data.flow {
                context.flow = data.flow
                context.flowName = flowNames.name(data.flow)
            }
            if data.direction != .unknown { context.direction = data.direction }
            for finding in data.findings {
                emit(packets: data.packets, time: data.time, flow: context.flowName, direction: data.direction,
                     transport: TransportHeader(kind: .none), findings: [finding])
            }
            let carrier = Carrier(packet: data.packets.last ?? 0, time: data.time,
                                  earlierPackets: Array(data.packets.dropLast()))
            context.framer.append(data.bytes, from: carrier, into: &units)
            streams[data.stream] = context
            emitUnits(of: data.stream, context: context)
        case let .gap(gap):
            emit(packets: gap.packets, time: gap.time, flow: flowNames.name(gap.flow), direction: gap.direction,
                 transport: TransportHeader(kind: .none, fields: [
                     .text("protocol", TransportProtocol.tcp.rawValue), .integer("missingBytes", gap.byteCount),
                     .integer("streamOffset", gap.streamOffset),
                 ]),
                 findings: [gap.finding])
            guard var context = streams.removeValue(forKey: gap.stream) else { return }
            context.framer.gap(byteCount: gap.byteCount, at: Carrier(packet: gap.packets.last ?? 0, time: gap.time),
                               into: &units)
            streams[gap.stream] = context
            emitUnits(of: gap.stream, context: context)
        case let .notice(notice):
            emit(packets: notice.packets, time: notice.time, flow: flowNames.name(notice.flow),
                 direction: notice.direction, transport: TransportHeader(kind: .none), findings: [notice.finding])
        case let .end(stream):
            guard var context = streams.removeValue(forKey: stream) else { return }
            context.framer.finish(into: &units)
            emitUnits(of: stream, context: context)
            for draft in apduStage.finish(stream) { emit(draft, stream: stream, context: context) }
            roles.ended(stream)
        }
    }

    /// A framer for a stream first seen, set up for its transport.
    private func newContext(for data: TransportData) -> StreamContext {
        let input: StreamFramer.Input = switch data.transport {
        case .tcp: .stream
        case .udp: .datagrams
        case .serial: format == .hexLog ? .lines : .stream
        }
        // Bare APDUs are believed only where units have edges and DLMS is expected.
        let onDLMSPort = data.flow.map {
            ServerRole.dlmsPorts.contains($0.source.port) || ServerRole.dlmsPorts.contains($0.destination.port)
        } ?? true
        return StreamContext(
            framer: StreamFramer(input: input, forced: options.transport, allowsBareAPDUs: onDLMSPort),
            flow: data.flow, direction: data.direction
        )
    }

    /// Turns the units a framer yielded into records, through the APDU stage.
    private mutating func emitUnits(of stream: StreamID, context: StreamContext) {
        for unit in units {
            let sender = unit.direction ?? unit.apdu?.first.flatMap(APDUTag.sender) ?? direction(of: stream, context: context)
            for draft in apduStage.process(unit, stream: stream, sender: sender) {
                emit(draft, stream: stream, context: context)
            }
        }
        units.removeAll(keepingCapacity: true)
    }

    /// Emits a draft with the direction the evidence gives.
    mutating func emit(_ draft: RecordDraft, stream: StreamID, context: StreamContext) {
        let unit = draft.unit
        // What the unit itself shows about its sender (HDLC addresses and LLC, the APDU's tag)
        // beats port numbers; it also labels the rest of the conversation.
        let evidence = unit.direction ?? draft.apdu?.bytes.first.flatMap(APDUTag.sender)
        if let evidence { roles.learn(evidence, for: stream) }
        let direction = evidence ?? direction(of: stream, context: context)
        var packets: [Int] = []
        func add(_ packet: Int) {
            if packets.last != packet && !packets.contains(packet) { packets.append(packet) }
        }
        // Each carrier's packets in capture order (`Carrier.packets`, without building that array).
        for carrier in unit.carriers {
            for packet in carrier.earlierPackets { add(packet) }
            add(carrier.packet)
        }
        emit(packets: packets, time: unit.carriers.last?.time, flow: context.flowName,
             direction: direction, transport: TransportHeader(kind: unit.kind, fields: unit.fields),
             apdu: draft.apdu, security: draft.security, hls: draft.hls, securitySetup: draft.securitySetup,
             findings: unit.findings,
             opens: draft.opens, closes: draft.closes)
    }

    /// The direction of a stream as its transport (ports) or its conversation's roles tell.
    private func direction(of stream: StreamID, context: StreamContext) -> Direction {
        context.direction != .unknown ? context.direction : roles.direction(of: stream)
    }
}
