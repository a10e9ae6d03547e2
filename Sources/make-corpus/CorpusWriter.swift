import DLMSCapture
import DLMSCore
import DLMSTestSupport
import Foundation

/// Streams packets into a pcap file, advancing the capture clock 250 µs per
/// packet and counting the bytes written (record header included), so the
/// generators stop at the requested size without holding anything. It also
/// counts the APDUs on the wire (each general-block-transfer block is one,
/// a segmented HDLC APDU is one) and can write the first ones in hex, one per
/// line, for the Gurux translator's benchmark.
final class CorpusWriter {
    private let writer: PcapWriter
    private let linkType: LinkType
    private var clock = Timestamp(seconds: 1_710_320_400)
    let targetBytes: Int
    private(set) var written = 0
    private(set) var apdus = 0
    private var sample: FileHandle?
    private var sampleLimit = 0

    init(path: String, linkType: LinkType, targetBytes: Int) throws {
        writer = try PcapWriter(path: path, linkType: linkType)
        self.linkType = linkType
        self.targetBytes = targetBytes
    }

    /// Whether the requested size is reached.
    var full: Bool { written >= targetBytes }

    /// One link-layer frame as it is.
    func emit(frame: [UInt8]) {
        writer.write(frame, timestamp: clock)
        clock = Timestamp(seconds: clock.seconds, nanoseconds: Int64(clock.nanoseconds) + 250_000)
        written += frame.count + 16
    }

    /// One IPv4 packet in an Ethernet frame.
    func emit(ip: [UInt8]) {
        emit(frame: PacketBuilder.ethernet(type: 0x0800, payload: ip))
    }

    /// Writes the first `limit` APDUs to `path` in hex.
    func sampleAPDUs(to path: String, limit: Int) throws {
        // A file that cannot be created makes the FileHandle below throw, naming it.
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        sample = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        sampleLimit = limit
    }

    /// Counts one APDU written (its bytes for the sample).
    func count(apdu: [UInt8]) {
        apdus += 1
        if let sample, apdus <= sampleLimit {
            sample.write(Data((Hex.encode(apdu) + "\n").utf8))
        }
    }

    func close() {
        writer.close()
        try? sample?.close()
    }
}
