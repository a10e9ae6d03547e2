import DLMSSecurity
import FuzzSupport

/// Keys files (TOML, or JSON when the input starts with `{`): wrong lengths,
/// bad hex, binary junk. Relative key and certificate paths resolve against a
/// directory that does not exist.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: start, count: count))
    _ = try? KeyStore(parsing: bytes, file: "fuzz.toml", baseDirectory: "/nonexistent/dlmscope-fuzz")
    return 0
}
