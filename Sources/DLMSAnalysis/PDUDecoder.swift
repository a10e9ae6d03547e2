import DLMSCore
import DLMSFraming
import DLMSSecurity
import DLMSTransport

/// Decodes bare APDUs given one at a time (the `pdu` subcommand), through
/// the same APDU stage as captures, so that a response given after its
/// request is annotated with what the request asked for.
public struct PDUDecoder {
    private var stage: APDUStage
    private var index = 0

    /// `keys` open protected APDUs (the client's and server's titles from the configuration,
    /// or from an AARQ and AARE given earlier).
    /// `keyring`: `keys`' suite 1/2 material when already read (nil reads it here).
    public init(keys: KeyStore = KeyStore(), keyring: AsymmetricKeyring? = nil) {
        stage = APDUStage(reassembles: false, keys: keys, keyring: keyring)
    }

    /// The record for one APDU given as bytes (the `number`th input).
    public mutating func decode(_ bytes: [UInt8], number: Int) -> [Record] {
        let unit = FramedUnit(kind: .raw, apdu: bytes, carriers: [Carrier(packet: number, time: nil)])
        // Requests and responses alternate sides of one conversation, as far as pairing cares.
        let sender = bytes.first.flatMap(APDUTag.sender) ?? .unknown
        let stream = StreamID(conversation: 1, fromSideA: sender != .serverToClient)
        return stage.process(unit, stream: stream, sender: sender).map { draft in
            index += 1
            var record = Record(
                index: index, packets: [number], time: nil, flow: nil, direction: draft.unit.direction ?? sender,
                transport: TransportHeader(kind: .raw, fields: draft.unit.fields), apdu: draft.apdu,
                findings: draft.unit.findings
            )
            record.security = draft.security
            record.hls = draft.hls
            record.securitySetup = draft.securitySetup
            return record
        }
    }
}
