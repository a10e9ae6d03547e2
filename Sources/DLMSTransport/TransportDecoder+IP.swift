import DLMSCore

extension TransportDecoder {
    /// Parses an IP packet, reassembles fragments, and hands TCP and UDP on.
    mutating func ip(
        _ bytes: ArraySlice<UInt8>, isIPv6: Bool, packet: CapturedPacket, into events: inout [TransportEvent]
    ) {
        let ipPacket: IPPacket
        do {
            ipPacket = isIPv6 ? try IPPacket(ipv6: bytes) : try IPPacket(ipv4: bytes)
        } catch {
            guard case let .malformed(message, offset) = error else { return }
            malformed(message, offset: offset, packet: packet.number, time: packet.timestamp, into: &events)
            return
        }
        var payload = ipPacket.payload
        var packets = [packet.number]
        if let fragment = ipPacket.fragment {
            guard ipPacket.missingBytes == 0 else {
                events.append(.notice(TransportNotice(
                    Finding(.packetTruncated, "IP fragment cut short by the capture's snaplen; datagram dropped",
                            packet: packet.number),
                    packets: packets, time: packet.timestamp
                )))
                return
            }
            let (datagram, abandoned) = fragments.add(
                ipPacket, fragment: fragment, number: packet.number, time: packet.timestamp
            )
            for item in abandoned {
                events.append(.notice(TransportNotice(item.finding, packets: item.packets, time: item.time)))
            }
            guard let datagram else { return }
            for finding in datagram.findings {
                events.append(.notice(TransportNotice(finding, packets: datagram.packets, time: packet.timestamp)))
            }
            payload = datagram.payload[...]
            packets = datagram.packets
        }
        switch ipPacket.protocolNumber {
        case IPPacket.tcp:
            do {
                let segment = try TCPSegment(payload)
                let flow = Flow(
                    source: Endpoint(address: ipPacket.source, port: segment.sourcePort),
                    destination: Endpoint(address: ipPacket.destination, port: segment.destinationPort)
                )
                tcp(segment, flow: flow, missing: ipPacket.missingBytes, packets: packets,
                    time: packet.timestamp, into: &events)
            } catch {
                guard case let .malformed(message, offset) = error else { return }
                let cut = ipPacket.missingBytes > 0 ? " (cut short by the capture's snaplen)" : ""
                malformed(message + cut, offset: offset, packet: packet.number, time: packet.timestamp, into: &events)
            }
        case IPPacket.udp:
            do {
                let datagram = try UDPDatagram(payload)
                let flow = Flow(
                    source: Endpoint(address: ipPacket.source, port: datagram.sourcePort),
                    destination: Endpoint(address: ipPacket.destination, port: datagram.destinationPort)
                )
                udp(datagram, flow: flow, missing: ipPacket.missingBytes, packets: packets,
                    time: packet.timestamp, into: &events)
            } catch {
                guard case let .malformed(message, offset) = error else { return }
                malformed(message, offset: offset, packet: packet.number, time: packet.timestamp, into: &events)
            }
        default:
            break  // ICMP and the rest carry no DLMS
        }
    }
}
