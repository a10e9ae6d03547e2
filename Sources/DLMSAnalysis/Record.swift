import DLMSAPDU
import DLMSCore

/// One decoded unit of a capture, as every output format presents it: an APDU
/// after all reassembly, a link frame that carries none, or an event that
/// belongs to no frame (a TCP gap, a damaged packet).
public struct Record: Sendable {
    /// 1-based position within its input.
    public var index: Int
    /// Capture records (or log lines) that carried it.
    public var packets: [Int]
    /// Time of the last carrier packet.
    public var time: Timestamp?
    /// `10.0.0.2:50000 -> 10.0.0.1:4059`; nil for serial traffic.
    public var flow: String?
    public var direction: Direction
    public var transport: TransportHeader
    /// The APDU after all framing and reassembly; nil when the record carries none.
    public var apdu: DecodedAPDU?
    /// The ciphered or signed envelope the APDU came in, and what came of opening it.
    public var security: SecurityInfo?
    /// For an HLS pass 3/4 reply: whether it proves the sender holds the secret.
    public var hls: HLSResult?
    /// For a Security setup (class 64) method invocation or answer: what it did.
    public var securitySetup: SecuritySetupEvent?
    /// The index of the record this one answers or is answered by (request and response).
    public var partner: Int?
    public var findings: [Finding]

    public init(
        index: Int, packets: [Int], time: Timestamp?, flow: String?, direction: Direction,
        transport: TransportHeader, apdu: DecodedAPDU? = nil, partner: Int? = nil, findings: [Finding]
    ) {
        self.index = index
        self.packets = packets
        self.time = time
        self.flow = flow
        self.direction = direction
        self.transport = transport
        self.apdu = apdu
        self.partner = partner
        self.findings = findings
    }
}
