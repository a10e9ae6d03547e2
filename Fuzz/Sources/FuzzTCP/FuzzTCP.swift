import DLMSCore
import DLMSTransport
import FuzzSupport
import Glibc

/// TCP reassembly: the input is a sequence of segments between a client
/// (10.0.0.1) and a meter (10.0.0.2:4059), sent as raw-IP packets through
/// `TransportDecoder`.
///
/// Input: the client's and the meter's initial sequence numbers (4 bytes
/// each), then per segment:
/// - a control byte: bit 0 direction (1 = from the meter), bit 1 SYN, bit 2 FIN,
///   bit 3 RST, bit 4 ACK, bit 5 absolute sequence number, bit 6 cut short by
///   the snaplen (the wire had 16 bytes more), bit 7 the client's second port;
/// - the sequence number: 4 bytes absolute, or a signed 2-byte offset from the
///   sender's next expected byte;
/// - a signed 1-byte offset of the acknowledgement from the peer's next byte;
/// - the payload length (1 byte) and the payload.
///
/// Checked: every stream's delivered bytes and gaps follow each other without
/// overlap or hole (each byte delivered or declared missing exactly once).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    var input = FuzzInput(start, count)
    var next: [UInt32] = [input.uint32(), input.uint32()]
    var decoder = TransportDecoder()
    var events: [TransportEvent] = []
    var offsets: [StreamID: UInt64] = [:]
    var number = 0
    while !input.isAtEnd, number < 4096 {
        number += 1
        let control = input.byte()
        let fromMeter = control & 1 != 0
        let side = fromMeter ? 1 : 0
        let sequence: UInt32
        if control & 0x20 != 0 {
            sequence = input.uint32()
        } else {
            sequence = next[side] &+ UInt32(bitPattern: Int32(Int16(bitPattern: input.uint16())))
        }
        let ack = next[1 - side] &+ UInt32(bitPattern: Int32(Int8(bitPattern: input.byte())))
        let payload = Array(input.take(Int(input.byte())))
        var flags: UInt8 = 0
        if control & 0x02 != 0 { flags |= 0x02 }  // SYN
        if control & 0x04 != 0 { flags |= 0x01 }  // FIN
        if control & 0x08 != 0 { flags |= 0x04 }  // RST
        if control & 0x10 != 0 { flags |= 0x10 }  // ACK
        let clientPort: UInt16 = control & 0x80 != 0 ? 50001 : 50000
        let missing = control & 0x40 != 0 ? 16 : 0
        let packet = ipv4TCP(
            fromMeter: fromMeter, clientPort: clientPort, sequence: sequence, ack: ack, flags: flags,
            payload: payload, missing: missing
        )
        next[side] = sequence &+ UInt32(payload.count + missing) &+ (control & 0x06 != 0 ? 1 : 0)
        decoder.decode(
            CapturedPacket(number: number, timestamp: nil, linkType: .rawIP, data: packet,
                           originalLength: packet.count + missing),
            into: &events
        )
        check(&events, &offsets)
    }
    decoder.finish(into: &events)
    check(&events, &offsets)
    return 0
}

/// Every stream's bytes and gaps must be contiguous from its first offset.
func check(_ events: inout [TransportEvent], _ offsets: inout [StreamID: UInt64]) {
    for event in events {
        switch event {
        case let .data(data):
            guard let offset = data.streamOffset else { continue }
            expect(data.stream, at: offset, count: UInt64(data.bytes.count), &offsets)
        case let .gap(gap):
            expect(gap.stream, at: gap.streamOffset, count: gap.byteCount, &offsets)
        case .end, .notice:
            break
        }
    }
    events.removeAll(keepingCapacity: true)
}

func expect(_ stream: StreamID, at offset: UInt64, count: UInt64, _ offsets: inout [StreamID: UInt64]) {
    if let expected = offsets[stream], expected != offset {
        fuzzFailure("stream \(stream): bytes at offset \(offset), expected \(expected)")
    }
    offsets[stream] = offset + count
}

/// An IPv4 packet (no options, checksums left 0: the decoder does not check them) with a TCP
/// segment; its total length counts `missing` bytes more than it holds (a snaplen cut).
func ipv4TCP(
    fromMeter: Bool, clientPort: UInt16, sequence: UInt32, ack: UInt32, flags: UInt8, payload: [UInt8], missing: Int
) -> [UInt8] {
    let client: [UInt8] = [10, 0, 0, 1]
    let meter: [UInt8] = [10, 0, 0, 2]
    let (source, destination) = fromMeter ? (meter, client) : (client, meter)
    let (sourcePort, destinationPort) = fromMeter ? (UInt16(4059), clientPort) : (clientPort, UInt16(4059))
    var bytes: [UInt8] = [0x45, 0]
    bytes += be16(UInt16(truncatingIfNeeded: 40 + payload.count + missing)) + [0, 1, 0x40, 0, 64, 6, 0, 0]
    bytes += source + destination
    bytes += be16(sourcePort) + be16(destinationPort) + be32(sequence) + be32(ack)
    bytes += [0x50, flags] + be16(65535) + [0, 0, 0, 0]
    return bytes + payload
}

func be16(_ value: UInt16) -> [UInt8] { [UInt8(value >> 8), UInt8(value & 0xFF)] }
func be32(_ value: UInt32) -> [UInt8] { be16(UInt16(value >> 16)) + be16(UInt16(value & 0xFFFF)) }
