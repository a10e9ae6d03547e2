/// Scripts a TCP connection between a client and a server, producing IP
/// packets with consistent sequence and acknowledgement numbers.
public struct TCPSession: Sendable {
    public let clientAddress: [UInt8]
    public let serverAddress: [UInt8]
    public let clientPort: UInt16
    public let serverPort: UInt16
    /// Next sequence number each side sends.
    public private(set) var clientSequence: UInt32
    public private(set) var serverSequence: UInt32

    public init(
        client: [UInt8], clientPort: UInt16, server: [UInt8], serverPort: UInt16,
        clientISN: UInt32 = 0x1000_0000, serverISN: UInt32 = 0x2000_0000
    ) {
        clientAddress = client
        serverAddress = server
        self.clientPort = clientPort
        self.serverPort = serverPort
        clientSequence = clientISN
        serverSequence = serverISN
    }

    /// SYN, SYN/ACK, ACK.
    public mutating func handshake() -> [[UInt8]] {
        let syn = segment(fromClient: true, flags: .syn, payload: [], acknowledge: false)
        clientSequence &+= 1
        let synAck = segment(fromClient: false, flags: [.syn, .ack], payload: [])
        serverSequence &+= 1
        let ack = segment(fromClient: true, flags: .ack, payload: [])
        return [syn, synAck, ack]
    }

    /// One data segment; the sender's sequence number advances.
    public mutating func send(fromClient: Bool, _ payload: [UInt8], flags: PacketBuilder.TCPFlags = [.psh, .ack]) -> [UInt8] {
        let packet = segment(fromClient: fromClient, flags: flags, payload: payload)
        advance(fromClient: fromClient, by: UInt32(payload.count))
        return packet
    }

    /// A data segment at an explicit sequence number, without advancing (for retransmissions and reordering).
    public func segment(
        fromClient: Bool, sequence: UInt32, payload: [UInt8], flags: PacketBuilder.TCPFlags = [.psh, .ack]
    ) -> [UInt8] {
        build(fromClient: fromClient, sequence: sequence, flags: flags, payload: payload, acknowledge: true)
    }

    /// Moves a side's sequence number on, as if it had sent `count` bytes.
    public mutating func advance(fromClient: Bool, by count: UInt32) {
        if fromClient { clientSequence &+= count } else { serverSequence &+= count }
    }

    /// FIN from each side and the final ACK.
    public mutating func close() -> [[UInt8]] {
        let clientFin = segment(fromClient: true, flags: [.fin, .ack], payload: [])
        clientSequence &+= 1
        let serverFin = segment(fromClient: false, flags: [.fin, .ack], payload: [])
        serverSequence &+= 1
        let ack = segment(fromClient: true, flags: .ack, payload: [])
        return [clientFin, serverFin, ack]
    }

    /// A pure acknowledgement from one side of everything the other sent.
    public func acknowledgement(fromClient: Bool) -> [UInt8] {
        segment(fromClient: fromClient, flags: .ack, payload: [])
    }

    private func segment(fromClient: Bool, flags: PacketBuilder.TCPFlags, payload: [UInt8], acknowledge: Bool = true) -> [UInt8] {
        build(fromClient: fromClient, sequence: fromClient ? clientSequence : serverSequence,
              flags: flags, payload: payload, acknowledge: acknowledge)
    }

    private func build(
        fromClient: Bool, sequence: UInt32, flags: PacketBuilder.TCPFlags, payload: [UInt8], acknowledge: Bool
    ) -> [UInt8] {
        let (source, destination) = fromClient ? (clientAddress, serverAddress) : (serverAddress, clientAddress)
        let (sourcePort, destinationPort) = fromClient ? (clientPort, serverPort) : (serverPort, clientPort)
        let ack = acknowledge ? (fromClient ? serverSequence : clientSequence) : 0
        let tcp = PacketBuilder.tcp(
            source: source, destination: destination, sourcePort: sourcePort, destinationPort: destinationPort,
            sequence: sequence, acknowledgment: ack, flags: flags, payload: payload
        )
        if source.count == 16 {
            return PacketBuilder.ipv6(source: source, destination: destination, nextHeader: 6, payload: tcp)
        }
        return PacketBuilder.ipv4(source: source, destination: destination, protocol: 6, payload: tcp)
    }
}
