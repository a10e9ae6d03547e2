import DLMSAPDU
import DLMSCore

/// A `FieldSink` that builds the `Field` tree the text and XML renderers
/// (and the presenter tests) read.
struct FieldTreeBuilder: FieldSink {
    /// An object or list being written; the first is the root object.
    private struct Frame {
        var name: String?
        var isList: Bool
        var fields: [Field] = []
        var values: [Field.Value] = []

        init(name: String?, isList: Bool = false) {
            self.name = name
            self.isList = isList
            // Room for a typical object at once, rather than growing it member by member.
            if isList { values.reserveCapacity(8) } else { fields.reserveCapacity(8) }
        }
    }

    private var frames = [Frame(name: nil)]

    /// The root object's members.
    var fields: [Field] { frames.first?.fields ?? [] }

    /// The members `body` writes.
    static func build(_ body: (inout FieldTreeBuilder) -> Void) -> [Field] {
        var builder = FieldTreeBuilder()
        body(&builder)
        return builder.fields
    }

    mutating func integer<T: BinaryInteger>(_ name: StaticString, _ value: T) {
        field(.integer(name.description, value))
    }

    mutating func text(_ name: StaticString, _ value: String) { add(name, .text(value)) }
    mutating func boolean(_ name: StaticString, _ value: Bool) { add(name, .boolean(value)) }
    mutating func bytes(_ name: StaticString, _ value: [UInt8]) { add(name, .bytes(value)) }
    mutating func null(_ name: StaticString) { add(name, .null) }

    mutating func data(_ name: StaticString, _ value: DLMSData, _ context: ValueContext) {
        add(name, value.json(context))
    }

    mutating func data(_ value: DLMSData, _ context: ValueContext) {
        let last = frames.count - 1
        if last > 0, frames[last].isList { frames[last].values.append(value.json(context)) }
    }

    mutating func field(_ field: Field) {
        let last = frames.count - 1
        guard last > 0, frames[last].isList else {
            frames[last].fields.append(field)
            return
        }
        frames[last].values.append(field.value)
    }

    mutating func beginObject(_ name: StaticString?) { frames.append(Frame(name: name?.description)) }
    mutating func endObject() { close() }
    mutating func beginList(_ name: StaticString) { frames.append(Frame(name: name.description, isList: true)) }
    mutating func endList() { close() }

    private mutating func add(_ name: StaticString, _ value: Field.Value) { field(Field(name.description, value)) }

    /// Ends the open object or list and adds it to the one around it.
    private mutating func close() {
        guard frames.count > 1, let frame = frames.popLast() else { return }
        let value: Field.Value = frame.isList ? .list(frame.values) : .fields(frame.fields)
        let last = frames.count - 1
        if let name = frame.name {
            field(Field(name, value))
        } else if frames[last].isList {
            frames[last].values.append(value)
        }
    }
}
