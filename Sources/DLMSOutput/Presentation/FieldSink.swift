import DLMSAPDU
import DLMSCore

/// Where a presenter writes the members of its JSON object, in order: a
/// `Field` tree (`FieldTreeBuilder`, for text, XML and tests) or JSON bytes
/// (`JSONFieldSink`, for JSON Lines). Presenters that write through a sink
/// have one description of their members for both; the JSON renderer then
/// builds no tree (a profile showed the trees as a large share of rendering).
protocol FieldSink {
    mutating func integer<T: BinaryInteger>(_ name: StaticString, _ value: T)
    mutating func text(_ name: StaticString, _ value: String)
    mutating func boolean(_ name: StaticString, _ value: Bool)
    /// Bytes, shown as hex.
    mutating func bytes(_ name: StaticString, _ value: [UInt8])
    mutating func null(_ name: StaticString)
    /// A COSEM data value, as `DLMSData.json(context)` shows it.
    mutating func data(_ name: StaticString, _ value: DLMSData, _ context: ValueContext)
    /// A COSEM data value as an element of the open list.
    mutating func data(_ value: DLMSData, _ context: ValueContext)
    /// A member that exists only as a tree.
    mutating func field(_ field: Field)
    /// Opens an object: a member when named, else an element of the open list.
    mutating func beginObject(_ name: StaticString?)
    mutating func endObject()
    mutating func beginList(_ name: StaticString)
    mutating func endList()
}

extension FieldSink {
    /// An object whose members `body` writes (a list element when `name` is nil).
    mutating func object(_ name: StaticString?, _ body: (inout Self) -> Void) {
        beginObject(name)
        body(&self)
        endObject()
    }

    mutating func list(_ name: StaticString, _ body: (inout Self) -> Void) {
        beginList(name)
        body(&self)
        endList()
    }
}
