import DLMSAPDU
import DLMSCore

/// A `FieldSink` that writes JSON straight into the output: the same text
/// `JSONWriter.value` gives for the tree `FieldTreeBuilder` builds.
struct JSONFieldSink: FieldSink {
    private var json: JSONWriter
    private var out: [UInt8] = []

    /// Writes an object whose members `body` writes, into `out` after what `json` wrote.
    static func object(_ json: inout JSONWriter, _ out: inout [UInt8], _ body: (inout JSONFieldSink) -> Void) {
        json.beginObject(&out)
        var sink = JSONFieldSink(json: json)
        // The output moves into the sink and back: no copy.
        swap(&sink.out, &out)
        body(&sink)
        swap(&sink.out, &out)
        json = sink.json
        json.endObject(&out)
    }

    private init(json: JSONWriter) {
        self.json = json
    }

    mutating func integer<T: BinaryInteger>(_ name: StaticString, _ value: T) {
        json.key(name, &out)
        json.integer(value, &out)
    }

    mutating func text(_ name: StaticString, _ value: String) {
        json.key(name, &out)
        json.string(value, &out)
    }

    mutating func boolean(_ name: StaticString, _ value: Bool) {
        json.key(name, &out)
        json.boolean(value, &out)
    }

    mutating func bytes(_ name: StaticString, _ value: [UInt8]) {
        json.key(name, &out)
        json.hex(value, &out)
    }

    mutating func null(_ name: StaticString) {
        json.key(name, &out)
        json.null(&out)
    }

    mutating func data(_ name: StaticString, _ value: DLMSData, _ context: ValueContext) {
        json.key(name, &out)
        value.writeJSON(context, &json, &out)
    }

    mutating func data(_ value: DLMSData, _ context: ValueContext) {
        value.writeJSON(context, &json, &out)
    }

    mutating func field(_ field: Field) {
        json.key(dynamic: field.name, &out)
        json.value(field.value, &out)
    }

    mutating func beginObject(_ name: StaticString?) {
        if let name { json.key(name, &out) }
        json.beginObject(&out)
    }

    mutating func endObject() { json.endObject(&out) }

    mutating func beginList(_ name: StaticString) {
        json.key(name, &out)
        json.beginArray(&out)
    }

    mutating func endList() { json.endArray(&out) }
}
