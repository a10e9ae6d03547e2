import DLMSAPDU
import DLMSCore
import FuzzSupport
import Glibc

/// The APDU, A-XDR and BER decoders: the input is one APDU. What decodes is
/// encoded again (the encoder must accept whatever the decoder produced).
///
/// With DLMSCOPE_FUZZ_ROUNDTRIP=1 set, an APDU that decodes without notes
/// must also re-encode to exactly the bytes it was decoded from.
let checksRoundTrip = getenv("DLMSCOPE_FUZZ_ROUNDTRIP").map { String(cString: $0) == "1" } ?? false

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: start, count: count))
    guard let decoding = try? APDU.decode(bytes[...]) else { return 0 }
    let encoded = decoding.apdu.encoded
    if checksRoundTrip, decoding.notes.isEmpty {
        let consumed = bytes[..<decoding.remaining.startIndex]
        if encoded[...] != consumed {
            fuzzFailure("round trip differs:\n  in  \(Hex.encode(consumed))\n  out \(Hex.encode(encoded))")
        }
    }
    return 0
}
