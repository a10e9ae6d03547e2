import DLMSAnalysis
import DLMSCore

/// JSON Lines per the contract in DESIGN.md: one object per record, keys in
/// contract order.
public struct JSONLinesRenderer: RecordRenderer {
    private let options: RenderOptions
    /// The current input's name as a JSON string literal, encoded once per input.
    private var file: (name: String, literal: [UInt8]) = ("", [])

    public init(options: RenderOptions = RenderOptions()) {
        var options = options
        options.directJSON = true
        self.options = options
    }

    public mutating func beginInput(_ name: String, into out: inout [UInt8]) {}
    public mutating func endInput(_ name: String, into out: inout [UInt8]) {}
    public mutating func finish(into out: inout [UInt8]) {}

    public mutating func render(_ record: Record, input name: String, into out: inout [UInt8]) {
        var json = JSONWriter()
        json.beginObject(&out)
        if file.name != name {
            var literal: [UInt8] = []
            JSONWriter.appendString(name, to: &literal)
            file = (name, literal)
        }
        json.key("file", &out)
        json.encoded(file.literal, &out)
        json.key("index", &out)
        json.integer(record.index, &out)
        json.key("packets", &out)
        json.beginArray(&out)
        for packet in record.packets { json.integer(packet, &out) }
        json.endArray(&out)
        json.key("time", &out)
        if let time = record.time { json.time(time, &out) } else { json.null(&out) }
        json.key("flow", &out)
        if let flow = record.flow { json.string(flow, &out) } else { json.null(&out) }
        json.key("direction", &out)
        json.string(record.direction.rawValue, &out)
        json.key("transport", &out)
        json.beginObject(&out)
        json.key("kind", &out)
        json.string(record.transport.kind.rawValue, &out)
        json.fields(record.transport.fields, &out)
        json.endObject(&out)
        json.key("apdu", &out)
        if let apdu = record.apdu {
            JSONFieldSink.object(&json, &out) { apdu.writeJSONMembers(options, &$0) }
        } else {
            json.null(&out)
        }
        json.key("security", &out)
        if let security = record.security {
            JSONFieldSink.object(&json, &out) { security.writeJSONMembers(showSecrets: options.showSecrets, &$0) }
        } else {
            json.null(&out)
        }
        if let hls = record.hls {
            json.key("hls", &out)
            json.value(.fields(hls.jsonFields), &out)
        }
        if let setup = record.securitySetup {
            json.key("securitySetup", &out)
            json.value(.fields(setup.jsonFields), &out)
        }
        if let partner = record.partner {
            json.key("partner", &out)
            json.integer(partner, &out)
        }
        json.key("findings", &out)
        json.beginArray(&out)
        for finding in record.findings { Self.write(finding, &json, &out) }
        json.endArray(&out)
        json.endObject(&out)
        out.append(0x0A)
    }

    static func write(_ finding: Finding, _ json: inout JSONWriter, _ out: inout [UInt8]) {
        json.beginObject(&out)
        json.key("severity", &out)
        json.string(finding.severity.rawValue, &out)
        json.key("code", &out)
        json.string(finding.code.rawValue, &out)
        json.key("message", &out)
        json.string(finding.message, &out)
        if let packet = finding.packet {
            json.key("packet", &out)
            json.integer(packet, &out)
        }
        if let offset = finding.offset {
            json.key("offset", &out)
            json.integer(offset, &out)
        }
        json.endObject(&out)
    }
}
