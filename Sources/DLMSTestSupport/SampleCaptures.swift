import DLMSCore
import DLMSFraming
import Foundation

/// The captures in `Samples/`, built from the project's own encoders and pcap
/// writer. `make-samples` writes them; a test checks the committed files
/// still equal what this code produces (all but the suite 1 and 2 captures
/// and certificates, whose ECDSA signatures are random: see `reproducible`).
public enum SampleCaptures {
    public struct Sample: Sendable {
        /// The path under `Samples/` (may name a subdirectory: `suite1/meter-certificate.pem`).
        public let name: String
        /// Whether two generations are equal byte for byte. The suite 1 and 2
        /// captures and certificates carry ECDSA signatures made with a random
        /// k, so they are not; their tests check verdicts instead.
        public let reproducible: Bool
        public let write: @Sendable (String) throws -> Void

        public init(name: String, reproducible: Bool = true, write: @escaping @Sendable (String) throws -> Void) {
            self.name = name
            self.reproducible = reproducible
            self.write = write
        }
    }

    public static let all: [Sample] = [
        Sample(name: "wrapper-session.pcap", write: { try wrapperSession().write(to: $0) }),
        Sample(name: "han-push.log", write: { try Data(hanPushLog().utf8).write(to: URL(fileURLWithPath: $0)) }),
        Sample(name: "ciphered-session.pcap", write: { try cipheredSession().write(to: $0) }),
        Sample(
            name: "ciphered-session.keys.toml",
            write: { try Data(CipheredSession.keysFile.utf8).write(to: URL(fileURLWithPath: $0)) }
        ),
    ] + suiteSamples

    /// A DLMS/COSEM client reading a meter over TCP port 4059 with the IEC
    /// 62056-47 wrapper: association (AARQ/AARE, LN referencing, no security),
    /// a GET of the clock, a GET of three load-profile rows by range, and the
    /// release. The APDUs are the plain reference cases (Green Book encodings);
    /// the profile response is split over two TCP segments, and one client
    /// segment is retransmitted, as on a real network.
    public static func wrapperSession() -> CaptureFileBuilder {
        var session = TCPSession(client: [192, 168, 10, 20], clientPort: 50_123,
                                 server: [192, 168, 10, 50], serverPort: 4059)
        var capture = CaptureFileBuilder(linkType: .ethernet, stepMicroseconds: 12_500)
        func add(_ packet: [UInt8]) { capture.append(PacketBuilder.ethernet(type: 0x0800, payload: packet)) }
        func exchange(_ request: [UInt8], _ response: [UInt8]) {
            add(session.send(fromClient: true, Wrapper.frame(request, from: 0x0010, to: 0x0001)))
            add(session.send(fromClient: false, Wrapper.frame(response, from: 0x0001, to: 0x0010)))
        }
        session.handshake().forEach(add)
        exchange(APDUs.aarq, APDUs.aare)
        exchange(APDUs.getClock, APDUs.clockValue)
        // The profile read: the request is retransmitted once, the response spans two segments.
        let request = Wrapper.frame(APDUs.getProfileByRange, from: 0x0010, to: 0x0001)
        let sequence = session.clientSequence
        add(session.send(fromClient: true, request))
        add(session.segment(fromClient: true, sequence: sequence, payload: request))
        let response = Wrapper.frame(APDUs.profileRows, from: 0x0001, to: 0x0010)
        add(session.send(fromClient: false, Array(response[..<40])))
        add(session.acknowledgement(fromClient: true))
        add(session.send(fromClient: false, Array(response[40...])))
        exchange(APDUs.releaseRequest, APDUs.releaseResponse)
        session.close().forEach(add)
        return capture
    }
}

extension SampleCaptures {
    /// A meter's HAN port as a serial logger records it (the `[time - Received N bytes]` format of
    /// Norwegian HAN tools): every 10 s the meter (HDLC server 1, physical 17) pushes a
    /// data-notification (reference case 26) to client 16 in a UI frame; the third push is sent as
    /// two segmented I-frames, and line noise precedes the second one.
    public static func hanPushLog() -> String {
        let meter = HDLCFrameBuilder.address(upper: 1, lower: 17)
        let client = HDLCFrameBuilder.address(upper: 16)
        let single = HDLCFrameBuilder.frame(
            destination: client, source: meter, control: 0x13, information: LLCHeader.response.bytes + APDUs.dataNotification
        )
        let segments = HDLCFrameBuilder.segmentedIFrames(
            apdu: APDUs.dataNotification, destination: client, source: meter, maxInformation: 40
        )
        let blocks: [(second: Int, bytes: [UInt8])] = [
            (0, single), (10, [0x00, 0xFF, 0x13] + single), (20, segments[0]), (20, segments[1]),
        ]
        return blocks.map { block in
            let hex = stride(from: 0, to: block.bytes.count, by: 16).map { start in
                block.bytes[start..<min(start + 16, block.bytes.count)].map { Hex.encode([$0]) }.joined(separator: " ")
            }
            let time = String(format: "2024-03-15 14.00.%02d.000", block.second)
            return "[\(time) - Received \(block.bytes.count) (0x\(String(block.bytes.count, radix: 16, uppercase: true))) bytes]\n"
                + hex.joined(separator: "\n") + "\n\n"
        }.joined()
    }
}

/// IEC 62056-47 WRAPPER frames: version 1, source and destination wPort, length.
public enum Wrapper {
    public static func frame(_ apdu: [UInt8], from source: UInt16, to destination: UInt16) -> [UInt8] {
        PacketBuilder.be16(1) + PacketBuilder.be16(source) + PacketBuilder.be16(destination)
            + PacketBuilder.be16(UInt16(truncatingIfNeeded: apdu.count)) + apdu
    }
}

/// Plain APDUs used by the samples, from the reference cases in
/// `../shared/reference/gurux/` (Green Book encodings).
public enum APDUs {
    static func hex(_ text: String) -> [UInt8] { Hex.decode(text) ?? [] }

    /// AARQ, LN referencing, no security (case 01).
    public static let aarq = hex("601DA109060760857405080101BE10040E01000000065F1F0400401E5DFFFF")
    /// AARE accepted (case 04, the Green Book example).
    public static let aare = hex("6129A109060760857405080101A203020100A305A103020100BE10040E0800065F1F040000501F01F40007")
    /// GetRequest-Normal, clock 0.0.1.0.0.255 attribute 2 (case 09).
    public static let getClock = hex("C001C100080000010000FF0200")
    /// GetResponse-Normal, date-time 2024-03-15 14:30:00 (case 12).
    public static let clockValue = hex("C401C100090C07E8030F050E1E0000FFC400")
    /// GetRequest-Normal with selective access by range on 1.0.99.1.0.255 (case 10).
    public static let getProfileByRange = hex(
        "C001C100070100630100FF0201010204020412000809060000010000FF0F02120000090C07E8030FFF00000000FFC400090C07E80310FF00000000FFC4000100"
    )
    /// GetResponse-Normal, three profile rows (case 15).
    public static let profileRows = hex(
        "C401C10001030204090C07E8030F0500000000FFC4001100060001E20806000003200204090C07E8030F0501000000FFC4001100060001E23A06000003210204090C07E8030F0502000000FFC4001100060001E26C0600000322"
    )
    /// Data-notification with a date-time and a push structure (case 26).
    public static let dataNotification = hex(
        "0F000000010C07E8030F050F000000FFC400020409060000190900FF0A0A47525830303031323334060001E240090C07E8030F050F000000FFC400"
    )
    /// RLRQ, reason normal (case 07).
    public static let releaseRequest = hex("6203800100")
    /// RLRE, reason normal (case 08).
    public static let releaseResponse = hex("6303800100")
}
