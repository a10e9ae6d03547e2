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
        let data = ValueContext(directJSON: context.directJSON)
        var fields: [Field] = [.integer("selector", accessSelector), Field("parameters", accessParameters.json(data))]
        switch parameters {
        case let .range(range):
            fields.append(Field("range", .fields([
                Field("restrictingObject", range.restrictingObject.json()),
                Field("from", range.from.json(data)),
                Field("to", range.to.json(data)),
                Field("selectedValues", .list(range.selectedValues.map { $0.json() })),
            ])))
        case let .entry(entry):
            fields.append(Field("entry", .fields([
                .integer("fromEntry", entry.fromEntry), .integer("toEntry", entry.toEntry),
                .integer("fromSelectedValue", entry.fromSelectedValue),
                .integer("toSelectedValue", entry.toSelectedValue),
            ])))
        case .other:
            break
        }
        return .fields(fields)
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
    /// The column as a descriptor object plus `dataIndex`.
    func json() -> Field.Value {
        guard case var .fields(fields) = LNServiceJSON.attribute(
            CosemAttributeDescriptor(classId: classId, instance: logicalName, attributeId: attributeIndex)
        ) else { return .null }
        fields.append(.integer("dataIndex", dataIndex))
        return .fields(fields)
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
