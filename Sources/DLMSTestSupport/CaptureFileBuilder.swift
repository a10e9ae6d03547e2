import DLMSCapture
import DLMSCore

/// Collects packets and writes them as a pcap file through libpcap, with
/// timestamps that advance by a fixed step so that files are reproducible.
public struct CaptureFileBuilder {
    public let linkType: LinkType
    public private(set) var packets: [(data: [UInt8], time: Timestamp, originalLength: Int?)] = []
    private var clock: Timestamp
    private let step: Int64

    /// Starts at 2024-03-13T09:00:00Z unless told otherwise; `stepMicroseconds` between packets.
    public init(linkType: LinkType, start: Timestamp = Timestamp(seconds: 1_710_320_400), stepMicroseconds: Int64 = 1000) {
        self.linkType = linkType
        clock = start
        step = stepMicroseconds * 1000
    }

    public mutating func append(_ data: [UInt8], originalLength: Int? = nil) {
        packets.append((data, clock, originalLength))
        clock = Timestamp(seconds: clock.seconds, nanoseconds: Int64(clock.nanoseconds) + step)
    }

    public mutating func append(contentsOf frames: [[UInt8]]) {
        for frame in frames { append(frame) }
    }

    public func write(to path: String, nanosecond: Bool = false) throws {
        let writer = try PcapWriter(path: path, linkType: linkType, nanosecond: nanosecond)
        for packet in packets {
            writer.write(packet.data, timestamp: packet.time, originalLength: packet.originalLength)
        }
        writer.close()
    }
}
