import DLMSCore
import DLMSFraming
import DLMSTransport

/// Decodes bare APDUs given one at a time (the `pdu` subcommand), through
/// the same APDU stage as captures, so that a response given after its
/// request is annotated with what the request asked for.
public struct PDUDecoder {
    private var stage = APDUStage(reassembles: false)
    private var index = 0

    public init() {}

    /// The record for one APDU given as bytes (the `number`th input).
    public mutating func decode(_ bytes: [UInt8], number: Int) -> [Record] {
        let unit = FramedUnit(kind: .raw, apdu: bytes, carriers: [Carrier(packet: number, time: nil)])
        // Requests and responses alternate sides of one conversation, as far as pairing cares.
        let stream = StreamID(conversation: 1, fromSideA: APDUTag.sender(bytes.first ?? 0) != .serverToClient)
        return stage.process(unit, stream: stream).map { draft in
            index += 1
            return Record(
                index: index, packets: [number], time: nil, flow: nil,
                direction: draft.unit.direction ?? bytes.first.flatMap(APDUTag.sender) ?? .unknown,
                transport: TransportHeader(kind: .raw, fields: draft.unit.fields), apdu: draft.apdu,
                findings: draft.unit.findings
            )
        }
    }
}
