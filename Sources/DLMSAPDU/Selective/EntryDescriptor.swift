/// entry_descriptor (Blue Book, Profile generic selective access, selector 2):
/// rows `fromEntry` to `toEntry` (1-based; `toEntry` 0 means the last entry)
/// and columns `fromSelectedValue` to `toSelectedValue` (1-based; 0 means
/// the last column).
public struct EntryDescriptor: Sendable, Hashable {
    public var fromEntry: UInt32
    public var toEntry: UInt32
    public var fromSelectedValue: UInt16
    public var toSelectedValue: UInt16

    public init(fromEntry: UInt32, toEntry: UInt32, fromSelectedValue: UInt16 = 1, toSelectedValue: UInt16 = 0) {
        self.fromEntry = fromEntry
        self.toEntry = toEntry
        self.fromSelectedValue = fromSelectedValue
        self.toSelectedValue = toSelectedValue
    }

    /// Reads `structure { from_entry double-long-unsigned, to_entry
    /// double-long-unsigned, from_selected_value long-unsigned,
    /// to_selected_value long-unsigned }`; nil for any other shape. Any
    /// unsigned integer type is accepted as long as the value fits.
    public init?(_ data: DLMSData) {
        guard case let .structure(members, _) = data, members.count == 4,
              let fromEntry = members[0].unsignedValue.flatMap({ UInt32(exactly: $0) }),
              let toEntry = members[1].unsignedValue.flatMap({ UInt32(exactly: $0) }),
              let fromValue = members[2].unsignedValue.flatMap({ UInt16(exactly: $0) }),
              let toValue = members[3].unsignedValue.flatMap({ UInt16(exactly: $0) })
        else { return nil }
        self.init(fromEntry: fromEntry, toEntry: toEntry, fromSelectedValue: fromValue, toSelectedValue: toValue)
    }

    /// The structure as the Blue Book types it.
    public var data: DLMSData {
        .structure([
            .doubleLongUnsigned(fromEntry), .doubleLongUnsigned(toEntry),
            .longUnsigned(fromSelectedValue), .longUnsigned(toSelectedValue),
        ])
    }
}
