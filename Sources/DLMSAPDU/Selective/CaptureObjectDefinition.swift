/// capture_object_definition (Blue Book, Profile generic): one column of a
/// profile, `structure { class_id long-unsigned, logical_name
/// octet-string(6), attribute_index integer, data_index long-unsigned }`.
/// A data_index of 0 means the whole attribute.
public struct CaptureObjectDefinition: Sendable, Hashable {
    public var classId: UInt16
    public var logicalName: OBISCode
    public var attributeIndex: Int8
    public var dataIndex: UInt16

    public init(classId: UInt16, logicalName: OBISCode, attributeIndex: Int8, dataIndex: UInt16 = 0) {
        self.classId = classId
        self.logicalName = logicalName
        self.attributeIndex = attributeIndex
        self.dataIndex = dataIndex
    }

    /// Reads the structure; nil for any other shape. Any integer type is
    /// accepted for the numbers as long as the value fits.
    public init?(_ data: DLMSData) {
        guard case let .structure(members, _) = data, members.count == 4,
              let classId = members[0].unsignedValue.flatMap({ UInt16(exactly: $0) }),
              let name = members[1].octetString, let logicalName = OBISCode(bytes: name),
              let attribute = members[2].integerValue.flatMap({ Int8(exactly: $0) }),
              let dataIndex = members[3].unsignedValue.flatMap({ UInt16(exactly: $0) })
        else { return nil }
        self.init(classId: classId, logicalName: logicalName, attributeIndex: attribute, dataIndex: dataIndex)
    }

    /// The structure as the Blue Book types it.
    public var data: DLMSData {
        .structure([
            .longUnsigned(classId), .octetString(logicalName.bytes), .integer(attributeIndex), .longUnsigned(dataIndex),
        ])
    }
}
