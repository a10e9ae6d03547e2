import DLMSAPDU
import DLMSCore

/// JSON members the LN-referencing service APDUs share: invoke-ids flattened,
/// descriptors as objects with their names, results as names with the code
/// beside them, data blocks, date-time octet strings.
enum LNServiceJSON {
    /// `invokeId`, `priority` ("high"/"normal"), `serviceClass` ("confirmed"/"unconfirmed").
    static func invokeIdAndPriority(_ value: InvokeIdAndPriority) -> [Field] {
        [
            .integer("invokeId", value.invokeId),
            .text("priority", value.highPriority ? "high" : "normal"),
            .text("serviceClass", value.confirmed ? "confirmed" : "unconfirmed"),
        ]
    }

    /// Every bit of a Long-Invoke-Id-And-Priority: the raw value in hex, the
    /// invoke-id (bits 23..0), priority (31), service class (30),
    /// processing option (29: break on error), self-descriptive (28) and the
    /// reserved bits 27..24 when any is set.
    static func longInvokeIdAndPriority(_ value: LongInvokeIdAndPriority) -> [Field] {
        var fields: [Field] = [
            .text("longInvokeIdAndPriority", LNServiceXML.hex(value.rawValue)),
            .integer("invokeId", value.invokeId),
            .text("priority", value.highPriority ? "high" : "normal"),
            .text("serviceClass", value.confirmed ? "confirmed" : "unconfirmed"),
            .text("processingOption", value.breakOnError ? "break-on-error" : "continue-on-error"),
            .boolean("selfDescriptive", value.selfDescriptive),
        ]
        let reserved = (value.rawValue >> 24) & 0x0F
        if reserved != 0 { fields.append(.integer("reservedBits", reserved)) }
        return fields
    }

    /// One line for XML comments.
    static func longInvokeIdSummary(_ value: LongInvokeIdAndPriority) -> String {
        var text = "invoke-id \(value.invokeId), \(value.highPriority ? "high" : "normal") priority, "
            + (value.confirmed ? "confirmed" : "unconfirmed") + ", "
            + (value.breakOnError ? "break on error" : "continue on error") + ", "
            + (value.selfDescriptive ? "self-descriptive" : "not self-descriptive")
        let reserved = (value.rawValue >> 24) & 0x0F
        if reserved != 0 { text += ", reserved bits \(reserved)" }
        return text
    }

    static func attribute(_ descriptor: CosemAttributeDescriptor) -> Field.Value {
        var fields = object(classId: descriptor.classId, instance: descriptor.instance)
        fields.append(.integer("attributeId", descriptor.attributeId))
        if let name = descriptor.attributeName { fields.append(.text("attributeName", name)) }
        return .fields(fields)
    }

    static func method(_ descriptor: CosemMethodDescriptor) -> Field.Value {
        var fields = object(classId: descriptor.classId, instance: descriptor.instance)
        fields.append(.integer("methodId", descriptor.methodId))
        if let name = descriptor.methodName { fields.append(.text("methodName", name)) }
        return .fields(fields)
    }

    private static func object(classId: UInt16, instance: OBISCode) -> [Field] {
        var fields: [Field] = [.integer("classId", classId)]
        if let name = InterfaceClass.name(of: classId) { fields.append(.text("class", name)) }
        fields.append(.text("obis", instance.description))
        if let name = instance.name { fields.append(.text("obisName", name)) }
        return fields
    }

    /// A descriptor with its optional selective access.
    static func attribute(_ item: CosemAttributeDescriptorWithSelection) -> Field.Value {
        guard case var .fields(fields) = attribute(item.attribute) else { return .null }
        if let selection = item.accessSelection { fields.append(Field("accessSelection", selection.json())) }
        return .fields(fields)
    }

    /// `result` (the Green Book name, "unknown" when undefined) and `resultCode`.
    static func result(_ value: DataAccessResult, name: String = "result") -> [Field] {
        [.text(name, value.name ?? "unknown"), .integer(name + "Code", value.rawValue)]
    }

    static func result(_ value: ActionResult, name: String = "result") -> [Field] {
        [.text(name, value.name ?? "unknown"), .integer(name + "Code", value.rawValue)]
    }

    /// `data` for a value, `result` and `resultCode` for a data-access-result.
    static func getDataResult(_ value: GetDataResult, _ context: ValueContext) -> [Field] {
        switch value {
        case let .data(data): [Field("data", data.json(context))]
        case let .dataAccessResult(code): result(code)
        }
    }

    /// `lastBlock`, `blockNumber`, `rawData` (hex) and `rawDataLength`.
    static func dataBlock(_ block: DataBlockSA) -> [Field] {
        [
            .boolean("lastBlock", block.lastBlock),
            .integer("blockNumber", block.blockNumber),
            .bytes("rawData", block.rawData),
            .integer("rawDataLength", block.rawData.count),
        ]
    }

    /// A date-time octet string: `<name>` in RFC 3339 when fully specified,
    /// else `<name>Text` (every field visible), and `<name>Bytes` in hex;
    /// nothing when it is empty (absent).
    static func dateTime(_ name: String, _ bytes: [UInt8]) -> [Field] {
        guard !bytes.isEmpty else { return [] }
        var fields: [Field] = [.bytes(name + "Bytes", bytes)]
        if let dateTime = COSEMDateTime(bytes: bytes) {
            if let text = dateTime.rfc3339 {
                fields.append(.text(name, text))
            } else {
                fields.append(.text(name + "Text", dateTime.description))
            }
        }
        return fields
    }

    /// The element at `index`, when there is one.
    static func element<T>(_ list: [T], _ index: Int) -> T? {
        list.indices.contains(index) ? list[index] : nil
    }
}
