import CDLMSPcap
import DLMSCore

/// Reads pcap and pcapng captures through libpcap, packet by packet.
///
/// An optional BPF filter is compiled against the file's link type and
/// applied with `pcap_offline_filter`, so that packets keep their capture
/// record numbers. Reading problems (a file cut short, a damaged record) end
/// the capture with a finding; the packets read until then stand.
public final class PcapReader: CaptureReader {
    public let linkType: LinkType
    private let path: String
    private var handle: OpaquePointer?
    private var filter = bpf_program()
    private var hasFilter = false
    private var number = 0
    /// Where progress is reported (`InputFile.position`).
    private let input: InputFile
    /// How many packets go between two exact positions (`ftell`); in between each packet
    /// adds its pcap record's length, exact for pcap and a little short for pcapng.
    static let positionInterval = 1024

    public init(input: InputFile, filter expression: String? = nil) throws(InputError) {
        path = input.name
        self.input = input
        let stream = try input.takeStream()
        var errorBuffer = [CChar](repeating: 0, count: Int(PCAP_ERRBUF_SIZE))
        guard let opened = pcap_fopen_offline_with_tstamp_precision(
            stream, UInt32(truncatingIfNeeded: PCAP_TSTAMP_PRECISION_NANO), &errorBuffer
        ) else {
            fclose(stream)
            throw .pcap(path: input.name, message: Self.text(errorBuffer))
        }
        handle = opened
        linkType = LinkType(dlt: pcap_datalink(opened))
        if let expression {
            guard pcap_compile(opened, &filter, expression, 1, PCAP_NETMASK_UNKNOWN) == 0 else {
                let message = String(cString: pcap_geterr(opened))
                pcap_close(opened)
                handle = nil
                throw .invalidFilter(expression: expression, message: message)
            }
            hasFilter = true
        }
    }

    deinit {
        if hasFilter { pcap_freecode(&filter) }
        if let handle { pcap_close(handle) }
    }

    /// Checks a filter expression's syntax before any input is opened
    /// (compiled for Ethernet; each file compiles it again for its own link type).
    public static func validate(filter expression: String) throws(InputError) {
        guard let dead = pcap_open_dead(DLT_EN10MB, 262_144) else { return }
        defer { pcap_close(dead) }
        var program = bpf_program()
        guard pcap_compile(dead, &program, expression, 1, PCAP_NETMASK_UNKNOWN) == 0 else {
            throw .invalidFilter(expression: expression, message: String(cString: pcap_geterr(dead)))
        }
        pcap_freecode(&program)
    }

    public func next() -> CaptureEvent? {
        guard let handle else { return nil }
        while true {
            var header: UnsafeMutablePointer<pcap_pkthdr>?
            var bytes: UnsafePointer<UInt8>?
            let status = pcap_next_ex(handle, &header, &bytes)
            switch status {
            case 1:
                number += 1
                guard let header, let bytes else { continue }
                advancePosition(by: 16 + Int(header.pointee.caplen))
                if hasFilter, pcap_offline_filter(&filter, header, bytes) == 0 { continue }
                let length = Int(header.pointee.caplen)
                let timestamp = Timestamp(
                    seconds: Int64(header.pointee.ts.tv_sec),
                    nanoseconds: Int64(header.pointee.ts.tv_usec)
                )
                return .packet(CapturedPacket(
                    number: number,
                    timestamp: timestamp,
                    linkType: linkType,
                    data: Array(UnsafeBufferPointer(start: bytes, count: length)),
                    originalLength: max(length, Int(header.pointee.len))
                ))
            case PCAP_ERROR_BREAK:  // end of file
                close()
                return nil
            default:
                let message = String(cString: pcap_geterr(handle))
                close()
                let truncated = message.contains("truncated")
                return .finding(Finding(
                    truncated ? .pcapTruncated : .pcapCorrupt,
                    "capture ends after record \(number): \(message)",
                    packet: number + 1
                ))
            }
        }
    }

    /// Moves the input's position past a record: its length, or where the stream is every so often.
    private func advancePosition(by length: Int) {
        var position = (input.streamPosition ?? 0) + (number == 1 ? Self.fileHeaderLength : 0) + length
        if number % Self.positionInterval == 0, let exact = exactPosition() { position = exact }
        input.streamPosition = position
    }

    /// A pcap file's header.
    static let fileHeaderLength = 24

    /// The stream's position, when it has one (not for a pipe).
    private func exactPosition() -> Int? {
        guard let handle, let file = pcap_file(handle) else { return nil }
        let offset = ftell(file)
        return offset >= 0 ? offset : nil
    }

    private func close() {
        if let exact = exactPosition() { input.streamPosition = exact }
        if let handle { pcap_close(handle) }
        handle = nil
    }

    private static func text(_ buffer: [CChar]) -> String {
        let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
