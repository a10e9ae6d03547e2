import DLMSAnalysis
import FuzzSupport

/// The security layer with keys configured: the input is a sequence of APDUs
/// (each a 2-byte big-endian length and its bytes), decoded in order by
/// `PDUDecoder` holding the Samples sessions' keys, so that associations
/// (AARQ/AARE titles, dedicated keys, HLS challenges), glo-/ded- ciphering,
/// general-glo/ded-ciphering, general-ciphering with every key-info kind
/// (identified, wrapped, agreed: One-Pass DH and Static Unified Model) and
/// general-signing are opened and checked.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: start, count: count))
    var decoder = FuzzKeys.decoder
    for (number, apdu) in FuzzInput.units(bytes).enumerated() {
        _ = decoder.decode(apdu, number: number + 1)
    }
    return 0
}
