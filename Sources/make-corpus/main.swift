// make-corpus: writes a large, realistic capture for benchmarks, streaming it
// to disk with the project's pcap writer (nothing is held in memory).
//
//     swift run -c release make-corpus OUTPUT.pcap [megabytes]     (default 300)
//
// The capture holds back-to-back DLMS/COSEM client sessions over TCP port 4059
// with the IEC 62056-47 wrapper, each: handshake, AARQ/AARE, 50 GETs of the
// clock and of profile rows by range, release, FIN. Every 97th server segment
// is sent twice (a retransmission), and every 89th response is split over two
// segments, so reassembly does real work.
import DLMSCapture
import DLMSCore
import DLMSTestSupport
import Foundation

let arguments = CommandLine.arguments.dropFirst()
guard let output = arguments.first else {
    FileHandle.standardError.write(Data("usage: make-corpus OUTPUT.pcap [megabytes]\n".utf8))
    exit(2)
}
let targetBytes = (arguments.dropFirst().first.flatMap(Int.init) ?? 300) * 1_000_000

let writer = try PcapWriter(path: output, linkType: .ethernet)
var clock = Timestamp(seconds: 1_710_320_400)
var written = 0
var segments = 0
var sessions = 0

@MainActor func emit(_ ip: [UInt8]) {
    let frame = PacketBuilder.ethernet(type: 0x0800, payload: ip)
    writer.write(frame, timestamp: clock)
    clock = Timestamp(seconds: clock.seconds, nanoseconds: Int64(clock.nanoseconds) + 250_000)
    written += frame.count + 16
}

while written < targetBytes {
    sessions += 1
    let clientPort = UInt16(truncatingIfNeeded: 32_768 + sessions % 28_000)
    let client: [UInt8] = [10, 1, UInt8(truncatingIfNeeded: sessions >> 8), UInt8(truncatingIfNeeded: sessions)]
    var session = TCPSession(client: client, clientPort: clientPort, server: [10, 0, 0, 1], serverPort: 4059,
                             clientISN: UInt32(truncatingIfNeeded: sessions &* 7919), serverISN: 0x4000_0000)
    session.handshake().forEach(emit)
    var exchanges: [([UInt8], [UInt8])] = [(APDUs.aarq, APDUs.aare)]
    for index in 0..<50 {
        exchanges.append(index % 2 == 0 ? (APDUs.getClock, APDUs.clockValue) : (APDUs.getProfileByRange, APDUs.profileRows))
    }
    exchanges.append((APDUs.releaseRequest, APDUs.releaseResponse))
    for (request, response) in exchanges {
        emit(session.send(fromClient: true, Wrapper.frame(request, from: 0x10, to: 0x01)))
        let frame = Wrapper.frame(response, from: 0x01, to: 0x10)
        segments += 1
        if segments % 89 == 0, frame.count > 20 {
            emit(session.send(fromClient: false, Array(frame[..<20])))
            emit(session.send(fromClient: false, Array(frame[20...])))
        } else {
            let sequence = session.serverSequence
            emit(session.send(fromClient: false, frame))
            if segments % 97 == 0 { emit(session.segment(fromClient: false, sequence: sequence, payload: frame)) }
        }
    }
    session.close().forEach(emit)
}
writer.close()
print("wrote \(output): \(sessions) sessions, \(written / 1_000_000) MB")
