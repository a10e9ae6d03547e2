import DLMSAnalysis
import DLMSCapture
import FuzzSupport

/// pcap/pcapng reading: the input is written to a file and opened as a capture
/// (detected by content; libpcap parses pcap and pcapng), then decoded through
/// the whole pipeline: link, IP, TCP/UDP, framing, APDUs.
let file = ScratchFile("capture")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    file.write(Array(UnsafeBufferPointer(start: start, count: count)))
    guard let input = try? InputFile(path: file.path),
          var decoder = try? TraceDecoder(input: input) else { return 0 }
    while decoder.next() != nil {}
    return 0
}
