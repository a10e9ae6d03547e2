import DLMSTestSupport

/// Writes DLMS/COSEM client sessions over TCP port 4059 with the IEC 62056-47
/// wrapper: handshake, the exchanges, FIN. Every 97th server segment is sent
/// twice (a retransmission) and every 89th response is split over two
/// segments, so reassembly does real work.
struct SessionWriter {
    /// One request and the APDUs that answer it (several for block transfer).
    typealias Exchange = (request: [UInt8], responses: [[UInt8]])

    let corpus: CorpusWriter
    private(set) var sessions = 0
    private var segments = 0

    init(corpus: CorpusWriter) { self.corpus = corpus }

    mutating func write(_ exchanges: [Exchange]) {
        sessions += 1
        let clientPort = UInt16(truncatingIfNeeded: 32_768 + sessions % 28_000)
        let client: [UInt8] = [10, 1, UInt8(truncatingIfNeeded: sessions >> 8), UInt8(truncatingIfNeeded: sessions)]
        var session = TCPSession(
            client: client, clientPort: clientPort, server: [10, 0, 0, 1], serverPort: 4059,
            clientISN: UInt32(truncatingIfNeeded: sessions &* 7919), serverISN: 0x4000_0000)
        session.handshake().forEach(corpus.emit(ip:))
        for exchange in exchanges {
            corpus.count(apdu: exchange.request)
            corpus.emit(ip: session.send(fromClient: true, Wrapper.frame(exchange.request, from: 0x10, to: 0x01)))
            for response in exchange.responses {
                corpus.count(apdu: response)
                let frame = Wrapper.frame(response, from: 0x01, to: 0x10)
                segments += 1
                if segments % 89 == 0, frame.count > 20 {
                    corpus.emit(ip: session.send(fromClient: false, Array(frame[..<20])))
                    corpus.emit(ip: session.send(fromClient: false, Array(frame[20...])))
                } else {
                    let sequence = session.serverSequence
                    corpus.emit(ip: session.send(fromClient: false, frame))
                    if segments % 97 == 0 { corpus.emit(ip: session.segment(fromClient: false, sequence: sequence, payload: frame)) }
                }
            }
        }
        session.close().forEach(corpus.emit(ip:))
    }
}
