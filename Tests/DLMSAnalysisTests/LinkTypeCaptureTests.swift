import DLMSAnalysis
import DLMSCapture
import DLMSCore
import DLMSTestSupport
import DLMSFraming
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

    /// The WRAPPER PDU the segment carries: client wPort 16 to server wPort 1, the 13-byte GET of the clock.
    static let expected = TransportHeader(kind: .wrapper, fields: [
        .integer("version", 1), .integer("sourceWPort", 0x10), .integer("destinationWPort", 0x01),
        .integer("length", APDUs.getClock.count),
    ])

    @Test func bsdLoopback() throws {
        let records = try Self.decode(.bsdLoopback) { PacketBuilder.bsdLoopback(family: 2, payload: $0) }
        #expect(records.map(\.transport) == [Self.expected])
        #expect(records.first?.apdu?.bytes == APDUs.getClock)
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
        // Vector d09's UA between client 16 and server 1, and the SNRM that asks for it (FCS computed with
        // HDLCFrameBuilder); each packet starts with the pseudo-header: 01 sent, 00 received.
        let snrm = HDLCFrameBuilder.frame(destination: [0x03], source: [0x21], control: 0x93)
        let ua = Hex.decode("7EA00721037301407E") ?? []
        var builder = CaptureFileBuilder(linkType: .user(0))
        builder.append([0x01] + snrm)
        builder.append([0x00] + ua)
        let path = try Fixtures.temporaryDirectory().appendingPathComponent("serial.pcap").path
        try builder.write(to: path)
        let records = Array(try TraceDecoder(input: try InputFile(path: path)))
        #expect(records.map(\.direction) == [.clientToServer, .serverToClient])
        #expect(records.allSatisfy { $0.flow == nil && $0.transport.kind == .hdlc && $0.findings.isEmpty })
        #expect(records.map { $0.transport.fields.first { $0.name == "frameType" }?.value } == [.text("SNRM"), .text("UA")])
    }
}
