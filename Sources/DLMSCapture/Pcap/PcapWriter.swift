import CDLMSPcap
import DLMSCore

/// Writes pcap files through libpcap (`pcap_open_dead` + `pcap_dump`), for
/// tests, the Samples generator and the benchmark corpus.
public final class PcapWriter {
    private var dead: OpaquePointer?
    private var dumper: OpaquePointer?

    public enum WriteError: Error, CustomStringConvertible {
        case unsupportedLinkType(LinkType)
        case cannotCreate(path: String, message: String)

        public var description: String {
            switch self {
            case let .unsupportedLinkType(type): "cannot write link type \(type) to pcap"
            case let .cannotCreate(path, message): "\(path): \(message)"
            }
        }
    }

    /// Creates `path` (overwriting it), with nanosecond timestamps if asked.
    public init(path: String, linkType: LinkType, snapLength: Int32 = 262_144, nanosecond: Bool = false) throws(WriteError) {
        guard let dlt = linkType.dlt else { throw .unsupportedLinkType(linkType) }
        let precision = UInt32(truncatingIfNeeded: nanosecond ? PCAP_TSTAMP_PRECISION_NANO : PCAP_TSTAMP_PRECISION_MICRO)
        guard let dead = pcap_open_dead_with_tstamp_precision(dlt, snapLength, precision) else {
            throw .cannotCreate(path: path, message: "pcap_open_dead failed")
        }
        guard let dumper = pcap_dump_open(dead, path) else {
            let message = String(cString: pcap_geterr(dead))
            pcap_close(dead)
            throw .cannotCreate(path: path, message: message)
        }
        self.dead = dead
        self.dumper = dumper
        self.nanosecond = nanosecond
    }

    private let nanosecond: Bool

    deinit { close() }

    /// Appends one record; `originalLength` defaults to the data's length.
    public func write(_ data: [UInt8], timestamp: Timestamp, originalLength: Int? = nil) {
        guard let dumper else { return }
        var header = pcap_pkthdr()
        header.ts.tv_sec = Int(timestamp.seconds)
        header.ts.tv_usec = Int(nanosecond ? timestamp.nanoseconds : timestamp.nanoseconds / 1000)
        header.caplen = UInt32(truncatingIfNeeded: data.count)
        header.len = UInt32(truncatingIfNeeded: originalLength ?? data.count)
        data.withUnsafeBufferPointer { bytes in
            let user = UnsafeMutableRawPointer(dumper).assumingMemoryBound(to: UInt8.self)
            pcap_dump(user, &header, bytes.baseAddress)
        }
    }

    /// Flushes and closes the file; further writes are ignored.
    public func close() {
        if let dumper { pcap_dump_close(dumper) }
        if let dead { pcap_close(dead) }
        dumper = nil
        dead = nil
    }
}
