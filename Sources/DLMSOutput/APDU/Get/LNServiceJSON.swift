import DLMSAPDU
import DLMSCore

/// JSON members the LN-referencing service APDUs share: invoke-ids flattened,
/// descriptors as objects with their names, results as names with the code
/// beside them, data blocks, date-time octet strings.
enum LNServiceJSON {
    // Each group of members is written through a `FieldSink` (JSON bytes or a
    // tree); the `[Field]` forms build the tree for presenters that use trees.

    /// `invokeId`, `priority` ("high"/"normal"), `serviceClass` ("confirmed"/"unconfirmed").
    static func invokeIdAndPriority<S: FieldSink>(_ value: InvokeIdAndPriority, _ sink: inout S) {
        sink.integer("invokeId", value.invokeId)
        sink.text("priority", value.highPriority ? "high" : "normal")
        sink.text("serviceClass", value.confirmed ? "confirmed" : "unconfirmed")
    }

    /// Every bit of a Long-Invoke-Id-And-Priority: the raw value in hex, the
    /// invoke-id (bits 23..0), priority (31), service class (30),
    /// processing option (29: break on error), self-descriptive (28) and the
    /// reserved bits 27..24 when any is set.
    static func longInvokeIdAndPriority(_ value: LongInvokeIdAndPriority) -> [Field] {
        FieldTreeBuilder.build { longInvokeIdAndPriority(value, &$0) }
    }

    static func longInvokeIdAndPriority<S: FieldSink>(_ value: LongInvokeIdAndPriority, _ sink: inout S) {
        sink.text("longInvokeIdAndPriority", LNServiceXML.hex(value.rawValue))
        sink.integer("invokeId", value.invokeId)
        sink.text("priority", value.highPriority ? "high" : "normal")
        sink.text("serviceClass", value.confirmed ? "confirmed" : "unconfirmed")
        sink.text("processingOption", value.breakOnError ? "break-on-error" : "continue-on-error")
        sink.boolean("selfDescriptive", value.selfDescriptive)
        let reserved = (value.rawValue >> 24) & 0x0F
        if reserved != 0 { sink.integer("reservedBits", reserved) }
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
        .fields(FieldTreeBuilder.build { attributeMembers(descriptor, &$0) })
    }

    /// The object `name` describing an attribute.
    static func attribute<S: FieldSink>(_ name: StaticString?, _ descriptor: CosemAttributeDescriptor, _ sink: inout S) {
        sink.object(name) { attributeMembers(descriptor, &$0) }
    }

    static func attributeMembers<S: FieldSink>(_ descriptor: CosemAttributeDescriptor, _ sink: inout S) {
        objectMembers(classId: descriptor.classId, instance: descriptor.instance, &sink)
        sink.integer("attributeId", descriptor.attributeId)
        if let name = descriptor.attributeName { sink.text("attributeName", name) }
    }

    static func method(_ descriptor: CosemMethodDescriptor) -> Field.Value {
        .fields(FieldTreeBuilder.build { methodMembers(descriptor, &$0) })
    }

    /// The object `name` describing a method.
    static func method<S: FieldSink>(_ name: StaticString?, _ descriptor: CosemMethodDescriptor, _ sink: inout S) {
        sink.object(name) { methodMembers(descriptor, &$0) }
    }

    private static func methodMembers<S: FieldSink>(_ descriptor: CosemMethodDescriptor, _ sink: inout S) {
        objectMembers(classId: descriptor.classId, instance: descriptor.instance, &sink)
        sink.integer("methodId", descriptor.methodId)
        if let name = descriptor.methodName { sink.text("methodName", name) }
    }

    private static func objectMembers<S: FieldSink>(classId: UInt16, instance: OBISCode, _ sink: inout S) {
        sink.integer("classId", classId)
        if let name = InterfaceClass.name(of: classId) { sink.text("class", name) }
        sink.text("obis", instance.description)
        if let name = instance.name { sink.text("obisName", name) }
    }

    /// A descriptor with its optional selective access.
    static func attributeMembers<S: FieldSink>(_ item: CosemAttributeDescriptorWithSelection, _ sink: inout S) {
        attributeMembers(item.attribute, &sink)
        if let selection = item.accessSelection { selection.write("accessSelection", ValueContext(), &sink) }
    }

    /// `result` (the Green Book name, "unknown" when undefined) and `resultCode`.
    static func result(_ value: DataAccessResult) -> [Field] {
        FieldTreeBuilder.build { result(value, &$0) }
    }

    static func result<S: FieldSink>(_ value: DataAccessResult, _ sink: inout S) {
        sink.text("result", value.name ?? "unknown")
        sink.integer("resultCode", value.rawValue)
    }

    static func result(_ value: ActionResult) -> [Field] {
        FieldTreeBuilder.build { result(value, &$0) }
    }

    static func result<S: FieldSink>(_ value: ActionResult, _ sink: inout S) {
        sink.text("result", value.name ?? "unknown")
        sink.integer("resultCode", value.rawValue)
    }

    /// `data` for a value, `result` and `resultCode` for a data-access-result.
    static func getDataResult<S: FieldSink>(_ value: GetDataResult, _ context: ValueContext, _ sink: inout S) {
        switch value {
        case let .data(data): sink.data("data", data, context)
        case let .dataAccessResult(code): result(code, &sink)
        }
    }

    /// `lastBlock`, `blockNumber`, `rawData` (hex) and `rawDataLength`.
    static func dataBlock<S: FieldSink>(_ block: DataBlockSA, _ sink: inout S) {
        sink.boolean("lastBlock", block.lastBlock)
        sink.integer("blockNumber", block.blockNumber)
        sink.bytes("rawData", block.rawData)
        sink.integer("rawDataLength", block.rawData.count)
    }

    /// The keys of a date-time octet string: its RFC 3339 text, the text of
    /// one not fully specified, its bytes.
    typealias DateTimeKeys = (value: StaticString, text: StaticString, bytes: StaticString)
    static let dateTimeKeys: DateTimeKeys = ("dateTime", "dateTimeText", "dateTimeBytes")
    static let timeKeys: DateTimeKeys = ("time", "timeText", "timeBytes")

    /// A date-time octet string: `value` in RFC 3339 when fully specified,
    /// else `text` (every field visible), and `bytes` in hex; nothing when
    /// it is empty (absent).
    static func dateTime(_ keys: DateTimeKeys, _ bytes: [UInt8]) -> [Field] {
        FieldTreeBuilder.build { dateTime(keys, bytes, &$0) }
    }

    static func dateTime<S: FieldSink>(_ keys: DateTimeKeys, _ bytes: [UInt8], _ sink: inout S) {
        guard !bytes.isEmpty else { return }
        sink.bytes(keys.bytes, bytes)
        if let dateTime = COSEMDateTime(bytes: bytes) {
            if let text = dateTime.rfc3339 {
                sink.text(keys.value, text)
            } else {
                sink.text(keys.text, dateTime.description)
            }
        }
    }

    /// The element at `index`, when there is one.
    static func element<T>(_ list: [T], _ index: Int) -> T? {
        list.indices.contains(index) ? list[index] : nil
    }
}
