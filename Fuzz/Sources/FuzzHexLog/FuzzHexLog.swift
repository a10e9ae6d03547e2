import DLMSCapture
import FuzzSupport

/// Hex-log reader: the input is a log file, read by `HexLogReader` (line
/// splitting, every line format, dump blocks, logger blocks) to its end.
let file = ScratchFile("hexlog")

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    file.write(Array(UnsafeBufferPointer(start: start, count: count)))
    guard let input = try? InputFile(path: file.path) else { return 0 }
    let reader = HexLogReader(input: input)
    var events = 0
    while reader.next() != nil { events += 1 }
    return 0
}
