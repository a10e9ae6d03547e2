import DLMSAnalysis
import DLMSCapture
import DLMSCore
import DLMSTestSupport
import Foundation
import Testing

/// Capture files of every supported link type, written through libpcap and
/// decoded through the whole pipeline.
@Suite struct LinkTypeCaptureTests {
    static let request: [UInt8] = Array(Wrapper.frame(APDUs.getClock, from: 0x10, to: 0x01))

    /// One client segment on a connection without handshake, framed for `linkType`.
    static func decode(_ linkType: LinkType, frame: ([UInt8]) -> [UInt8]) throws -> [Record] {
        var session = TCPSession(client: [10, 0, 0, 2], clientPort: 50_000, server: [10, 0, 0, 1], serverPort: 4059)
        var builder = CaptureFileBuilder(linkType: linkType)
        builder.append(frame(session.send(fromClient: true, request)))
        let path = try Fixtures.temporaryDirectory().appendingPathComponent("link.pcap").path
        try builder.write(to: path)
        return Array(try TraceDecoder(input: try InputFile(path: path)))
    }

    static let expected = TransportHeader(kind: .none, fields: [
        .text("protocol", "tcp"), .integer("bytes", request.count), .integer("streamOffset", 0),
    ])

    @Test func bsdLoopback() throws {
        let records = try Self.decode(.bsdLoopback) { PacketBuilder.bsdLoopback(family: 2, payload: $0) }
        #expect(records.map(\.transport) == [Self.expected])
        #expect(records.first?.flow == "10.0.0.2:50000 -> 10.0.0.1:4059")
        #expect(records.first?.direction == .clientToServer)
    }

    @Test func openBSDLoopback() throws {
        let records = try Self.decode(.openBSDLoopback) { PacketBuilder.be32(2) + $0 }
        #expect(records.map(\.transport) == [Self.expected])
    }

    @Test func linuxCookedV1AndV2() throws {
        #expect(try Self.decode(.linuxSLL) { PacketBuilder.linuxSLL(protocol: 0x0800, payload: $0) }
            .map(\.transport) == [Self.expected])
        #expect(try Self.decode(.linuxSLL2) { PacketBuilder.linuxSLL2(protocol: 0x0800, payload: $0) }
            .map(\.transport) == [Self.expected])
    }

    @Test func rawIPAndEthernetWithVLAN() throws {
        #expect(try Self.decode(.rawIP) { $0 }.map(\.transport) == [Self.expected])
        #expect(try Self.decode(.ethernet) { PacketBuilder.ethernet(type: 0x0800, payload: $0, vlans: [7]) }
            .map(\.transport) == [Self.expected])
    }

    @Test func userLinkWithDirectionPseudoHeader() throws {
        var builder = CaptureFileBuilder(linkType: .user(0))
        builder.append([0x01, 0x7E, 0xA0, 0x07, 0x03, 0x21, 0x93, 0x0F, 0x01, 0x7E])
        builder.append([0x00, 0x7E, 0xA0, 0x07, 0x21, 0x03, 0x73, 0x01, 0x40, 0x7E])
        let path = try Fixtures.temporaryDirectory().appendingPathComponent("serial.pcap").path
        try builder.write(to: path)
        let records = Array(try TraceDecoder(input: try InputFile(path: path)))
        #expect(records.map(\.direction) == [.clientToServer, .serverToClient])
        #expect(records.allSatisfy { $0.flow == nil })
        #expect(records.map(\.transport.fields) == [
            [.text("protocol", "serial"), .integer("bytes", 9)], [.text("protocol", "serial"), .integer("bytes", 9)],
        ])
    }
}
