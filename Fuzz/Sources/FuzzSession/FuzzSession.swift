import DLMSAnalysis
import DLMSCapture
import DLMSCore
import DLMSSecurity
import FuzzSupport

/// A session through the whole APDU stage, block reassembly included: the input's
/// APDUs (the format of FuzzSecurity) become a hex log, one APDU per line, decoded
/// by `TraceDecoder` with the suite-0 keys of `ciphered-session` (symmetric keys
/// only: the asymmetric ones take milliseconds to load, and FuzzSecurity covers
/// them). Reaches what `PDUDecoder` does not: general-block-transfer and datablock
/// reassembly, request/response pairing, scaler_units remembered across APDUs.
let file = ScratchFile("session")
let keys = KeyStore(meters: [
    Hex.decode("4D4D4D0000BC614E") ?? []: KeySet(
        ek: Hex.decode("000102030405060708090A0B0C0D0E0F"), ak: Hex.decode("D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF"),
        kek: Hex.decode("101112131415161718191A1B1C1D1E1F")
    ),
])

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    var log: [UInt8] = []
    for apdu in FuzzInput.units(Array(UnsafeBufferPointer(start: start, count: count)), limit: 256) {
        Hex.append(apdu, to: &log)
        log.append(0x0A)
    }
    file.write(log)
    guard let input = try? InputFile(path: file.path),
          var decoder = try? TraceDecoder(input: input, options: TraceDecoder.Options(keys: keys)) else { return 0 }
    while decoder.next() != nil {}
    return 0
}
