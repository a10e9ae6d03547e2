import DLMSAPDU
import DLMSCore

extension SampleCaptures {
    /// Many associations on interleaved TCP conversations (wrapper, port 4059), for `verify`.
    /// One record per APDU, in this order:
    ///
    /// 1. A push conversation (10.0.0.9:4059 → 10.0.0.100:40000) sends a data-notification
    ///    first and one after each group: no AARQ, so association #1, open to the end, its
    ///    meter unknown (plain notifications name none).
    /// 2. `groups` groups of four client sessions; session s = 4g + k (client 10.1.g.k, port
    ///    50000 + s) talks to meter `s % meters.count` (server 10.0.0.(1 + that)): the four AARQs,
    ///    the four AAREs (accepted, responding-AP-title the meter's), the four GETs of the clock,
    ///    the four responses, then k = 3 down to 0, each RLRQ and RLRE. A group is 24 records and
    ///    its sessions close in the reverse of their start.
    /// 3. A session of client 10.2.0.1:60000 with meter 0: AARQ, AARE, GET, response, a second
    ///    AARQ (replacing the first association) and its AARE, and nothing more.
    public static func interleavedAssociations(groups: Int, meters: [[UInt8]]) throws -> CaptureFileBuilder {
        var capture = CaptureFileBuilder(linkType: .ethernet)
        func add(_ packet: [UInt8]) { capture.append(PacketBuilder.ethernet(type: 0x0800, payload: packet)) }
        func send(_ session: inout TCPSession, fromClient: Bool, _ apdu: [UInt8]) {
            add(session.send(fromClient: fromClient, Wrapper.frame(apdu, from: fromClient ? 0x10 : 0x01, to: fromClient ? 0x01 : 0x10)))
        }
        guard case var .aare(aare) = try APDU.decode(APDUs.aare[...]).apdu else { return capture }
        func aareBytes(meter: Int) -> [UInt8] {
            aare.respondingAPTitle = meters.isEmpty ? nil : meters[meter % meters.count]
            return APDU.aare(aare).encoded
        }
        var push = TCPSession(client: [10, 0, 0, 100], clientPort: 40000, server: [10, 0, 0, 9], serverPort: 4059)
        push.handshake().forEach(add)
        send(&push, fromClient: false, APDUs.dataNotification)
        for group in 0..<groups {
            var sessions = (0..<4).map { k in
                let number = 4 * group + k
                return TCPSession(
                    client: [10, 1, UInt8(truncatingIfNeeded: group), UInt8(truncatingIfNeeded: k)],
                    clientPort: UInt16(truncatingIfNeeded: 50000 + number),
                    server: [10, 0, 0, UInt8(truncatingIfNeeded: 1 + number % max(meters.count, 1))], serverPort: 4059
                )
            }
            for k in 0..<4 { sessions[k].handshake().forEach(add) }
            for k in 0..<4 { send(&sessions[k], fromClient: true, APDUs.aarq) }
            for k in 0..<4 { send(&sessions[k], fromClient: false, aareBytes(meter: 4 * group + k)) }
            for k in 0..<4 { send(&sessions[k], fromClient: true, APDUs.getClock) }
            for k in 0..<4 { send(&sessions[k], fromClient: false, APDUs.clockValue) }
            for k in (0..<4).reversed() {
                send(&sessions[k], fromClient: true, APDUs.releaseRequest)
                send(&sessions[k], fromClient: false, APDUs.releaseResponse)
                sessions[k].close().forEach(add)
            }
            send(&push, fromClient: false, APDUs.dataNotification)
        }
        var last = TCPSession(client: [10, 2, 0, 1], clientPort: 60000, server: [10, 0, 0, 1], serverPort: 4059)
        last.handshake().forEach(add)
        for apdu in [APDUs.aarq, aareBytes(meter: 0), APDUs.getClock, APDUs.clockValue, APDUs.aarq, aareBytes(meter: 0)] {
            send(&last, fromClient: apdu == APDUs.aarq || apdu == APDUs.getClock, apdu)
        }
        return capture
    }
}
