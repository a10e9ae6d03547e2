/// range_descriptor (Blue Book, Profile generic selective access, selector 1):
/// the rows whose `restricting_object` value lies between `from` and `to`
/// (inclusive), with the columns `selectedValues` (all columns when empty).
///
/// `from` and `to` have the restricting object's type: usually a date-time
/// (an octet-string of 12 bytes) for the clock, or a number.
public struct RangeDescriptor: Sendable, Hashable {
    public var restrictingObject: CaptureObjectDefinition
    public var from: DLMSData
    public var to: DLMSData
    public var selectedValues: [CaptureObjectDefinition]

    public init(
        restrictingObject: CaptureObjectDefinition, from: DLMSData, to: DLMSData,
        selectedValues: [CaptureObjectDefinition] = []
    ) {
        self.restrictingObject = restrictingObject
        self.from = from
        self.to = to
        self.selectedValues = selectedValues
    }

    /// Reads `structure { restricting_object, from_value, to_value,
    /// selected_values array }`; nil for any other shape.
    public init?(_ data: DLMSData) {
        guard case let .structure(members, _) = data, members.count == 4,
              let restrictingObject = CaptureObjectDefinition(members[0]),
              case let .array(columns, _) = members[3]
        else { return nil }
        var selected = [CaptureObjectDefinition]()
        selected.reserveCapacity(columns.count)
        for column in columns {
            guard let definition = CaptureObjectDefinition(column) else { return nil }
            selected.append(definition)
        }
        self.init(restrictingObject: restrictingObject, from: members[1], to: members[2], selectedValues: selected)
    }

    /// The structure as the Blue Book types it.
    public var data: DLMSData {
        .structure([restrictingObject.data, from, to, .array(selectedValues.map(\.data))])
    }
}
