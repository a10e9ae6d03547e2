import DLMSAnalysis
import DLMSOutput
import FuzzSupport
import Glibc

/// The renderers: whatever `PDUDecoder` (with the Samples' keys) makes of the
/// input's APDUs (the format of FuzzSecurity) is rendered as JSON Lines, XML
/// and text (verbose, with secrets shown in XML). Checked: every output is
/// valid UTF-8.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: start, count: count))
    var decoder = FuzzKeys.decoder
    var records: [Record] = []
    for (number, apdu) in FuzzInput.units(bytes).enumerated() {
        records += decoder.decode(apdu, number: number + 1)
    }
    var json = JSONLinesRenderer()
    var xml = XMLRenderer(multipleInputs: false, options: RenderOptions(showSecrets: true))
    var text = TextRenderer(options: RenderOptions(verbose: true))
    render(&json, records, name: "json")
    render(&xml, records, name: "xml")
    render(&text, records, name: "text")
    return 0
}

func render<R: RecordRenderer>(_ renderer: inout R, _ records: [Record], name: String) {
    var out: [UInt8] = []
    renderer.start(into: &out)
    renderer.beginInput("fuzz", into: &out)
    for record in records { renderer.render(record, input: "fuzz", into: &out) }
    renderer.endInput("fuzz", into: &out)
    renderer.finish(into: &out)
    if String(validating: out, as: UTF8.self) == nil {
        fuzzFailure("\(name) output is not valid UTF-8")
    }
}
