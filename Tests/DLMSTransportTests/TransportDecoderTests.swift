import DLMSCore
import DLMSTestSupport
import Testing
@testable import DLMSTransport

@Suite struct TransportDecoderTests {
    static let request: [UInt8] = Array(0..<40)
    static let response: [UInt8] = Array(100..<200)

    /// A full connection with a handshake, one exchange and a close.
    static func conversation(
        client: [UInt8] = Hosts.client, server: [UInt8] = Hosts.server, serverPort: UInt16 = 4059
    ) -> [[UInt8]] {
        var session = TCPSession(client: client, clientPort: 50_000, server: server, serverPort: serverPort)
        var packets = session.handshake()
        packets.append(session.send(fromClient: true, request))
        packets.append(session.send(fromClient: false, response))
        packets += session.close()
        return packets
    }

    @Test func reassemblesAConnectionAndLearnsRolesFromTheHandshake() {
        // Port 20000 is no DLMS port: roles come from who sent the SYN.
        let run = TransportRun(Self.conversation(serverPort: 20_000).map(Hosts.ethernet))
        #expect(run.bytes(.clientToServer) == Self.request)
        #expect(run.bytes(.serverToClient) == Self.response)
        #expect(run.data.first?.flow?.description == "192.168.1.20:50000 -> 192.168.1.10:20000")
        #expect(run.data.first?.packets == [4])
        #expect(run.data.map(\.streamOffset) == [0, 0])
        #expect(run.ends.count == 2)
        #expect(run.codes() == [])
    }

    @Test func aCaptureWithoutTheHandshakeUsesTheDLMSPort() {
        let packets = Array(Self.conversation(serverPort: 4063).dropFirst(3)).map(Hosts.ethernet)
        let run = TransportRun(packets)
        #expect(run.bytes(.clientToServer) == Self.request)
        #expect(run.bytes(.serverToClient) == Self.response)
    }

    @Test func withoutHandshakeOrDLMSPortTheDirectionIsUnknown() {
        let packets = Array(Self.conversation(serverPort: 20_000).dropFirst(3)).map(Hosts.ethernet)
        let run = TransportRun(packets)
        #expect(run.data.map(\.direction) == [.unknown, .unknown])
        #expect(run.streams.count == 2)
    }

    @Test func ipv6ConnectionsReassembleToo() {
        let run = TransportRun(Self.conversation(client: Hosts.client6, server: Hosts.server6).map(Hosts.ethernet))
        #expect(run.bytes(.clientToServer) == Self.request)
        #expect(run.data.first?.flow?.description == "[2001:db8::20]:50000 -> [2001:db8::10]:4059")
    }

    @Test func retransmittedAndDuplicatedSegmentsAreDeliveredOnce() {
        var session = TCPSession(client: Hosts.client, clientPort: 50_000, server: Hosts.server, serverPort: 4059)
        var packets = session.handshake()
        let start = session.clientSequence
        packets.append(session.send(fromClient: true, Array(Self.request[0..<20])))
        packets.append(session.segment(fromClient: true, sequence: start, payload: Array(Self.request[0..<20])))
        packets.append(session.send(fromClient: true, Array(Self.request[20...])))
        packets.append(session.segment(fromClient: true, sequence: start &+ 10, payload: Array(Self.request[10...])))
        let run = TransportRun(packets.map(Hosts.ethernet))
        #expect(run.bytes(.clientToServer) == Self.request)
        #expect(run.codes() == ["tcp-retransmission", "tcp-retransmission"])
        #expect(run.notices.map(\.packets) == [[5], [7]])
    }

    @Test func outOfOrderSegmentsArePutBackInOrder() {
        var session = TCPSession(client: Hosts.client, clientPort: 50_000, server: Hosts.server, serverPort: 4059)
        var packets = session.handshake()
        let start = session.clientSequence
        packets.append(session.segment(fromClient: true, sequence: start &+ 20, payload: Array(Self.request[20...])))
        packets.append(session.segment(fromClient: true, sequence: start, payload: Array(Self.request[..<20])))
        let run = TransportRun(packets.map(Hosts.ethernet))
        #expect(run.bytes(.clientToServer) == Self.request)
        #expect(run.data.map(\.packets) == [[5], [4]])
        #expect(run.codes() == [])
    }

    @Test func aLostSegmentIsAGapOnceAcknowledged() {
        var session = TCPSession(client: Hosts.client, clientPort: 50_000, server: Hosts.server, serverPort: 4059)
        var packets = session.handshake()
        packets.append(session.send(fromClient: true, Array(Self.request[..<10])))
        _ = session.send(fromClient: true, Array(Self.request[10..<25]))  // never captured
        packets.append(session.send(fromClient: true, Array(Self.request[25...])))
        packets.append(session.acknowledgement(fromClient: false))
        let run = TransportRun(packets.map(Hosts.ethernet))
        #expect(run.gaps.count == 1)
        #expect(run.gaps.first?.byteCount == 15)
        #expect(run.gaps.first?.streamOffset == 10)
        #expect(run.gaps.first?.packets == [6])
        #expect(run.bytes(.clientToServer) == Array(Self.request[..<10]) + Array(Self.request[25...]))
    }

    @Test func aLostSegmentWithoutAcknowledgementIsAGapAtTheEnd() {
        var session = TCPSession(client: Hosts.client, clientPort: 50_000, server: Hosts.server, serverPort: 4059)
        var packets = session.handshake()
        packets.append(session.send(fromClient: true, Array(Self.request[..<10])))
        _ = session.send(fromClient: true, Array(Self.request[10..<25]))
        packets.append(session.send(fromClient: true, Array(Self.request[25...])))
        let run = TransportRun(packets.map(Hosts.ethernet))
        #expect(run.gaps.map(\.byteCount) == [15])
        #expect(run.gaps.first?.finding.message.contains("the capture ends") == true)
    }

    @Test func aNewSYNOnTheSamePortsStartsANewStream() {
        let first = Self.conversation()
        var second = TCPSession(client: Hosts.client, clientPort: 50_000, server: Hosts.server, serverPort: 4059,
                                clientISN: 0x5000_0000, serverISN: 0x6000_0000)
        var packets = first
        packets += second.handshake()
        packets.append(second.send(fromClient: true, [0xAA, 0xBB]))
        let run = TransportRun(packets.map(Hosts.ethernet))
        let clientStreams = Set(run.data.filter { $0.direction == .clientToServer }.map(\.stream))
        #expect(clientStreams.count == 2)
        #expect(run.data.last?.bytes.elementsEqual([0xAA, 0xBB]) == true)
        #expect(run.data.last?.streamOffset == 0)
    }

    @Test func onlyTheMostRecentClosedConnectionsAreRemembered() {
        var limits = TransportDecoder.Limits()
        limits.maxClosedConnections = 2
        var packets: [[UInt8]] = []
        var lateRetransmissions: [[UInt8]] = []
        for port: UInt16 in [50_001, 50_002, 50_003] {
            var session = TCPSession(client: Hosts.client, clientPort: port, server: Hosts.server, serverPort: 4059)
            packets += session.handshake()
            let start = session.clientSequence
            packets.append(session.send(fromClient: true, Self.request))
            packets += session.close()
            lateRetransmissions.append(session.segment(fromClient: true, sequence: start, payload: Self.request))
        }
        // The latest connection is still known: its late segment is a retransmission. The first one
        // has been forgotten, so its late segment starts a stream of its own (mid-connection).
        let run = TransportRun((packets + [lateRetransmissions[2], lateRetransmissions[0]]).map(Hosts.ethernet),
                               limits: limits)
        #expect(run.codes() == ["tcp-retransmission"])
        #expect(run.data.count == 4)
        #expect(Set(run.data.map(\.stream.conversation)).count == 4)
    }

    @Test func aResetFlushesAndEndsBothStreams() {
        var session = TCPSession(client: Hosts.client, clientPort: 50_000, server: Hosts.server, serverPort: 4059)
        var packets = session.handshake()
        packets.append(session.send(fromClient: true, Self.request))
        packets.append(session.send(fromClient: false, [], flags: [.rst, .ack]))
        let run = TransportRun(packets.map(Hosts.ethernet))
        #expect(run.ends.count == 2)
        #expect(run.bytes(.clientToServer) == Self.request)
        #expect(run.codes() == [])
    }

    @Test func vlanAndQinQTagsAreSkipped() {
        let ip = Self.conversation()[3]
        let single = PacketBuilder.ethernet(type: 0x0800, payload: ip, vlans: [100])
        let double = PacketBuilder.ethernet(type: 0x0800, payload: ip, vlans: [200, 100], outerTagType: 0x88A8)
        #expect(TransportRun([single]).bytes(.clientToServer) == Self.request)
        #expect(TransportRun([double]).bytes(.clientToServer) == Self.request)
    }

    @Test func linuxCookedCapturesV1AndV2() {
        let ip = Self.conversation()[3]
        #expect(TransportRun([PacketBuilder.linuxSLL(protocol: 0x0800, payload: ip)], linkType: .linuxSLL)
            .bytes(.clientToServer) == Self.request)
        #expect(TransportRun([PacketBuilder.linuxSLL2(protocol: 0x0800, payload: ip)], linkType: .linuxSLL2)
            .bytes(.clientToServer) == Self.request)
    }

    @Test(arguments: [true, false])
    func bsdLoopbackInEitherByteOrder(littleEndian: Bool) {
        let ip = Self.conversation()[3]
        let ip6 = Self.conversation(client: Hosts.client6, server: Hosts.server6)[3]
        let frames = [
            PacketBuilder.bsdLoopback(family: 2, payload: ip, littleEndian: littleEndian),
            PacketBuilder.bsdLoopback(family: 30, payload: ip6, littleEndian: littleEndian),
        ]
        let run = TransportRun(frames, linkType: .bsdLoopback)
        #expect(run.data.count == 2)
        #expect(run.data.allSatisfy { Array($0.bytes) == Self.request })
    }

    @Test func openBSDLoopbackAndRawIP() {
        let ip = Self.conversation()[3]
        let ip6 = Self.conversation(client: Hosts.client6, server: Hosts.server6)[3]
        #expect(TransportRun([PacketBuilder.be32(2) + ip], linkType: .openBSDLoopback).data.count == 1)
        #expect(TransportRun([ip, ip6], linkType: .rawIP).data.count == 2)
        #expect(TransportRun([ip], linkType: .ipv4).data.count == 1)
        #expect(TransportRun([ip6], linkType: .ipv6).data.count == 1)
    }

    @Test func ethernetPaddingIsNotPayload() {
        let ip = Self.conversation()[3]
        let padded = Hosts.ethernet(ip) + [0, 0, 0, 0, 0, 0]
        #expect(TransportRun([padded]).bytes(.clientToServer) == Self.request)
    }

    @Test func ipv4FragmentsAreReassembledInAnyOrder() {
        let datagram = PacketBuilder.udp(
            source: Hosts.server, destination: Hosts.client, sourcePort: 4059, destinationPort: 4059,
            payload: Array(repeating: 0x5A, count: 50) + Array(0..<50)
        )
        func fragment(_ range: Range<Int>, more: Bool) -> [UInt8] {
            Hosts.ethernet(PacketBuilder.ipv4(
                source: Hosts.server, destination: Hosts.client, protocol: 17, payload: Array(datagram[range]),
                identification: 77, fragmentOffset: range.lowerBound, moreFragments: more
            ))
        }
        let run = TransportRun([fragment(48..<datagram.count, more: false), fragment(0..<24, more: true),
                                fragment(24..<48, more: true)])
        #expect(run.data.count == 1)
        #expect(run.data.first.map { Array($0.bytes) } == Array(datagram[8...]))
        #expect(run.data.first?.packets == [1, 2, 3])
        #expect(run.data.first?.transport == .udp)
    }

    @Test func anIncompleteFragmentedDatagramIsReported() {
        let payload = PacketBuilder.udp(source: Hosts.server, destination: Hosts.client, sourcePort: 4059,
                                        destinationPort: 4059, payload: Array(repeating: 1, count: 40))
        let first = PacketBuilder.ipv4(source: Hosts.server, destination: Hosts.client, protocol: 17,
                                       payload: Array(payload[..<24]), identification: 9, moreFragments: true)
        let run = TransportRun([Hosts.ethernet(first)])
        #expect(run.data.isEmpty)
        #expect(run.codes() == ["ip-fragment-incomplete"])
        #expect(run.notices.first?.packets == [1])
    }

    @Test func ipv6FragmentsAreReassembled() {
        let udp = PacketBuilder.udp(source: Hosts.server6, destination: Hosts.client6, sourcePort: 4059,
                                    destinationPort: 50_000, payload: Array(0..<64))
        let first = PacketBuilder.ipv6(
            source: Hosts.server6, destination: Hosts.client6, nextHeader: 44, payload: Array(udp[..<32]),
            extensionHeaders: PacketBuilder.ipv6Fragment(nextHeader: 17, offset: 0, more: true, identification: 5)
        )
        let second = PacketBuilder.ipv6(
            source: Hosts.server6, destination: Hosts.client6, nextHeader: 44, payload: Array(udp[32...]),
            extensionHeaders: PacketBuilder.ipv6Fragment(nextHeader: 17, offset: 32, more: false, identification: 5)
        )
        let run = TransportRun([first, second].map(Hosts.ethernet))
        #expect(run.data.first.map { Array($0.bytes) } == Array(0..<64))
        #expect(run.data.first?.direction == .serverToClient)
    }

    @Test func ipv6ExtensionHeadersAreWalked() {
        let udp = PacketBuilder.udp(source: Hosts.client6, destination: Hosts.server6, sourcePort: 50_000,
                                    destinationPort: 4059, payload: [1, 2, 3])
        let hopByHop: [UInt8] = [60, 0, 1, 4, 0, 0, 0, 0]  // next: destination options
        let destination: [UInt8] = [17, 0, 1, 4, 0, 0, 0, 0]  // next: UDP
        let packet = PacketBuilder.ipv6(source: Hosts.client6, destination: Hosts.server6, nextHeader: 0,
                                        payload: udp, extensionHeaders: hopByHop + destination)
        #expect(TransportRun([Hosts.ethernet(packet)]).bytes(.clientToServer) == [1, 2, 3])
    }

    @Test func udpDatagramsAreUnitsOfTheirFlowWithDirectionFromThePort() {
        let push = PacketBuilder.udp(source: Hosts.server, destination: Hosts.client, sourcePort: 4059,
                                     destinationPort: 40_000, payload: [0x0F, 0, 0, 0, 1])
        let run = TransportRun([Hosts.ethernet(PacketBuilder.ipv4(source: Hosts.server, destination: Hosts.client,
                                                                     protocol: 17, payload: push))])
        #expect(run.data.first?.direction == .serverToClient)
        #expect(run.data.first?.transport == .udp)
        #expect(run.data.first?.streamOffset == nil)
    }

    @Test func truncatedPacketsAreReportedAndTheirMissingBytesAreAGap() {
        var session = TCPSession(client: Hosts.client, clientPort: 50_000, server: Hosts.server, serverPort: 4059)
        var packets = session.handshake().map(Hosts.ethernet)
        let full = Hosts.ethernet(session.send(fromClient: true, Self.request))
        packets.append(Array(full.prefix(full.count - 15)))
        packets.append(Hosts.ethernet(session.send(fromClient: true, [0xEE])))
        let run = TransportRun(packets)
        #expect(run.bytes(.clientToServer) == Array(Self.request.prefix(25)) + [0xEE])
        #expect(run.gaps.map(\.byteCount) == [15])
        #expect(run.gaps.first?.streamOffset == 25)
    }

    @Test func malformedHeadersBecomeFindings() {
        let shortEthernet: [UInt8] = [0, 1, 2]
        let badIHL = PacketBuilder.ethernet(type: 0x0800, payload: [0x42] + Array(repeating: 0, count: 30))
        let badTCP = Hosts.ethernet(PacketBuilder.ipv4(source: Hosts.client, destination: Hosts.server,
                                                       protocol: 6, payload: [0, 1, 2]))
        let run = TransportRun([shortEthernet, badIHL, badTCP])
        #expect(run.codes() == ["packet-malformed", "packet-malformed", "packet-malformed"])
        #expect(run.notices.map(\.packets) == [[1], [2], [3]])
    }

    @Test func nonIPTrafficIsSkippedSilently() {
        let arp = PacketBuilder.ethernet(type: 0x0806, payload: Array(repeating: 0, count: 28))
        let run = TransportRun([arp])
        #expect(run.events.isEmpty)
    }

    @Test func unsupportedLinkTypesGiveOneFindingPerPacket() {
        let run = TransportRun([[1, 2, 3], [4, 5]], linkType: .unsupported(dlt: 105, name: "IEEE802_11"))
        #expect(run.codes() == ["link-type-unsupported", "link-type-unsupported"])
        #expect(run.notices.first?.finding.message.contains("IEEE802_11") == true)
    }

    @Test func serialChunksKeepTheirDirection() {
        let run = TransportRun([[0x7E, 0xA0], [0x7E, 0xA1], [0x01]], linkType: .serial,
                               directions: [.clientToServer, .serverToClient, .unknown])
        #expect(run.data.map(\.direction) == [.clientToServer, .serverToClient, .unknown])
        #expect(run.data.map(\.transport) == [.serial, .serial, .serial])
        #expect(run.streams.count == 2)
        #expect(run.ends.count == 2)
    }

    @Test func userLinkTypesWithADirectionPseudoHeader() {
        let run = TransportRun([[0x01, 0x7E, 0xA0], [0x00, 0x7E, 0xA1], [0x05, 0x7E]], linkType: .user(0))
        #expect(run.data.map(\.direction) == [.clientToServer, .serverToClient, .unknown])
        #expect(run.data.map { Array($0.bytes) } == [[0x7E, 0xA0], [0x7E, 0xA1], [0x7E]])
        #expect(run.codes() == ["packet-malformed"])
    }

    @Test func userLinkTypesWithoutAPseudoHeaderAreRawBytes() {
        let run = TransportRun([[0x7E, 0xA0], [0x00, 0x7E]], linkType: .user(3))
        #expect(run.data.map { Array($0.bytes) } == [[0x7E, 0xA0], [0x00, 0x7E]])
        #expect(run.data.map(\.direction) == [.unknown, .unknown])
    }
}

/// HDLC carried over TCP, as nDPI's dlms.pcap and serial-to-TCP gateways send
/// it: one frame split over two segments must come out whole.
@Suite struct HDLCOverTCPTests {
    // Vectors d03 (I-frame with AARQ) and d04 (I-frame with AARE) from ../shared/vectors/vectors.json.
    static let aarqFrame = Hex.decode(
        "7EA02C02232110AF9FE6E600601DA109060760857405080101BE10040E01000000065F1F0400001E1DFFFFC5E47E") ?? []
    static let aareFrame = Hex.decode(
        "7EA0382102233034E7E6E7006129A109060760857405080101A203020100A305A103020100BE10040E0800065F1F0400001E1D04C80007B86A7E") ?? []

    @Test func aFrameSpanningTwoSegmentsIsReassembled() {
        var session = TCPSession(client: Hosts.client, clientPort: 41_000, server: Hosts.server, serverPort: 10_001)
        var packets = session.handshake()
        packets.append(session.send(fromClient: true, Array(Self.aarqFrame[..<17])))
        packets.append(session.send(fromClient: true, Array(Self.aarqFrame[17...])))
        packets.append(session.send(fromClient: false, Self.aareFrame))
        let run = TransportRun(packets.map(Hosts.ethernet))
        #expect(run.bytes(.clientToServer) == Self.aarqFrame)
        #expect(run.bytes(.serverToClient) == Self.aareFrame)
        #expect(run.data.filter { $0.direction == .clientToServer }.map(\.packets) == [[4], [5]])
        #expect(run.codes() == [])
    }
}
