import DLMSAPDU
import DLMSCore

// Selective access as the LN service presenters show it: JSON with the
// selector, the parameters as Data and, for range and entry descriptors,
// their named fields; XML as Gurux's `<AccessSelection>` with a comment
// that says in words which rows and columns are selected.
extension SelectiveAccessDescriptor {
    /// `{"selector", "parameters", "range" | "entry"}`. The data values take
    /// `context` only for `directJSON` (they are annotated as values of no attribute).
    func json(_ context: ValueContext = ValueContext()) -> Field.Value {
        .fields(FieldTreeBuilder.build { writeMembers(context, &$0) })
    }

    /// The object `name` (see `json`).
    func write<S: FieldSink>(_ name: StaticString, _ context: ValueContext, _ sink: inout S) {
        sink.object(name) { writeMembers(context, &$0) }
    }

    private func writeMembers<S: FieldSink>(_ context: ValueContext, _ sink: inout S) {
        let data = ValueContext(directJSON: context.directJSON)
        sink.integer("selector", accessSelector)
        sink.data("parameters", accessParameters, data)
        switch parameters {
        case let .range(range):
            sink.object("range") { sink in
                sink.object("restrictingObject") { range.restrictingObject.writeMembers(&$0) }
                sink.data("from", range.from, data)
                sink.data("to", range.to, data)
                sink.list("selectedValues") { sink in
                    for column in range.selectedValues { sink.object(nil) { column.writeMembers(&$0) } }
                }
            }
        case let .entry(entry):
            sink.object("entry") { sink in
                sink.integer("fromEntry", entry.fromEntry)
                sink.integer("toEntry", entry.toEntry)
                sink.integer("fromSelectedValue", entry.fromSelectedValue)
                sink.integer("toSelectedValue", entry.toSelectedValue)
            }
        case .other:
            break
        }
    }

    /// `<AccessSelection>` with `<AccessSelector>` and `<AccessParameters>`.
    func guruxXML() -> XMLNode {
        var children: [XMLNode] = []
        if let summary { children.append(.comment(summary)) }
        children.append(.value("AccessSelector", LNServiceXML.hex(accessSelector)))
        children.append(.node("AccessParameters", [], accessParameters.guruxXML()))
        return .node("AccessSelection", [], children)
    }

    /// What a range or entry descriptor selects, in words.
    var summary: String? {
        switch parameters {
        case let .range(range):
            let columns = range.selectedValues.isEmpty
                ? "all columns" : "columns " + range.selectedValues.map(\.summary).joined(separator: ", ")
            return "range_descriptor: rows whose \(range.restrictingObject.summary) is from "
                + "\(Self.describe(range.from)) to \(Self.describe(range.to)), \(columns)"
        case let .entry(entry):
            let to = entry.toEntry == 0 ? "the last" : String(entry.toEntry)
            let toValue = entry.toSelectedValue == 0 ? "the last" : String(entry.toSelectedValue)
            return "entry_descriptor: entries \(entry.fromEntry) to \(to), values \(entry.fromSelectedValue) to \(toValue)"
        case .other:
            return nil
        }
    }

    private static func describe(_ value: DLMSData) -> String {
        if let dateTime = value.dateTimeValue { return dateTime.rfc3339 ?? dateTime.description }
        if let number = value.integerValue { return String(number) }
        if let number = value.unsignedValue { return String(number) }
        return value.typeName
    }
}

extension CaptureObjectDefinition {
    /// The column's members: its descriptor's plus `dataIndex`.
    func writeMembers<S: FieldSink>(_ sink: inout S) {
        LNServiceJSON.attributeMembers(
            CosemAttributeDescriptor(classId: classId, instance: logicalName, attributeId: attributeIndex), &sink
        )
        sink.integer("dataIndex", dataIndex)
    }

    /// "Clock 0.0.1.0.0.255 attribute 2 (time)", with the data index when not 0.
    var summary: String {
        let attributeName = InterfaceClass.attributeName(classID: classId, attribute: Int(attributeIndex))
        var text = "\(InterfaceClass(id: classId)) \(logicalName) attribute \(attributeIndex)"
        if let attributeName { text += " (\(attributeName))" }
        if dataIndex != 0 { text += " element \(dataIndex)" }
        return text
    }
}
