import DLMSAPDU
import DLMSCore

/// What the raw data of a Get-Response-With-Datablock holds, as far as the
/// block alone tells: only the first block (numbered 1, or 0 by meters that
/// count from 0) starts at the beginning of the A-XDR value, so only its raw
/// data is read; a later block starts mid-value and is left as hex.
enum RawDataContent {
    /// The raw data is exactly one Data value (the whole value was sent in one block).
    case complete(DLMSData)
    /// A whole Data value and then `extra` bytes that belong to no value.
    case completeThenMore(DLMSData, extra: Int)
    /// The block begins a value of this type; for arrays and structures
    /// the announced element count and how many elements this block completes.
    case start(type: String, elements: Int?, completeElements: Int?)

    /// Nil for a later block, an empty one, or bytes that do not begin a Data value.
    init?(_ bytes: [UInt8], blockNumber: UInt32) {
        guard blockNumber <= 1, let first = bytes.first, let tag = DLMSData.TypeTag(rawValue: first) else { return nil }
        var reader = ByteReader(bytes)
        if let value = try? DLMSData.decode(from: &reader) {
            self = reader.isAtEnd ? .complete(value) : .completeThenMore(value, extra: reader.remainingCount)
            return
        }
        guard tag == .array || tag == .structure else {
            self = .start(type: tag.name, elements: nil, completeElements: nil)
            return
        }
        reader = ByteReader(bytes)
        reader.skip(1)
        guard let (count, _) = try? AXDRLength.read(from: &reader, what: "element count") else {
            self = .start(type: tag.name, elements: nil, completeElements: nil)
            return
        }
        // Every element decoded takes at least one byte: the loop ends with the bytes.
        var complete = 0
        while complete < count, (try? DLMSData.decode(from: &reader)) != nil {
            complete += 1
        }
        self = .start(type: tag.name, elements: count, completeElements: complete)
    }

    /// One line for an XML comment.
    var summary: String {
        switch self {
        case let .complete(value):
            "a complete " + Self.describe(value)
        case let .completeThenMore(value, extra):
            "a complete \(Self.describe(value)), then \(extra) bytes that belong to no value"
        case let .start(type, elements?, complete?):
            "starts \(Self.article(type)) \(type) of \(elements) elements, \(complete) complete in this block"
        case let .start(type, _, _):
            "starts \(Self.article(type)) \(type) value"
        }
    }

    /// JSON members: `rawDataValue` (and `rawDataExtraBytes`) or `rawDataStart`.
    func writeMembers<S: FieldSink>(_ sink: inout S) {
        switch self {
        case let .complete(value):
            sink.data("rawDataValue", value, ValueContext())
        case let .completeThenMore(value, extra):
            sink.data("rawDataValue", value, ValueContext())
            sink.integer("rawDataExtraBytes", extra)
        case let .start(type, elements, complete):
            sink.object("rawDataStart") { sink in
                sink.text("type", type)
                if let elements { sink.integer("elements", elements) }
                if let complete { sink.integer("completeElements", complete) }
            }
        }
    }

    /// "structure of 2 elements", "double-long-unsigned value".
    private static func describe(_ value: DLMSData) -> String {
        if let elements = value.elements { return "\(value.typeName) of \(elements.count) elements" }
        return "\(value.typeName) value"
    }

    /// "a" or "an" before a type name.
    private static func article(_ word: String) -> String {
        word.first.map { "aeiou".contains($0) } == true ? "an" : "a"
    }
}
