import DLMSAPDU
import DLMSCore

/// XML pieces the LN-referencing service APDUs share, in the Gurux
/// translator's simple-XML vocabulary: invoke-ids, descriptors, results,
/// data blocks. Decoded meaning goes into comments before the element.
enum LNServiceXML {
    static func invokeIdAndPriority(_ value: InvokeIdAndPriority) -> [XMLNode] {
        [
            .comment(
                "invoke-id \(value.invokeId), \(value.highPriority ? "high" : "normal") priority, "
                    + (value.confirmed ? "confirmed" : "unconfirmed")
            ),
            .value("InvokeIdAndPriority", hex(value.rawValue)),
        ]
    }

    static func longInvokeIdAndPriority(_ value: LongInvokeIdAndPriority) -> [XMLNode] {
        [
            .comment(LNServiceJSON.longInvokeIdSummary(value)),
            .value("LongInvokeIdAndPriority", hex(value.rawValue)),
        ]
    }

    /// `<AttributeDescriptor>` with class, OBIS and attribute names as comments.
    static func attributeDescriptor(_ descriptor: CosemAttributeDescriptor) -> XMLNode {
        var children = objectNodes(classId: descriptor.classId, instance: descriptor.instance)
        if let name = descriptor.attributeName { children.append(.comment(name)) }
        children.append(.value("AttributeId", hex(UInt8(bitPattern: descriptor.attributeId))))
        return .node("AttributeDescriptor", [], children)
    }

    /// `<MethodDescriptor>` with class, OBIS and method names as comments.
    static func methodDescriptor(_ descriptor: CosemMethodDescriptor) -> XMLNode {
        var children = objectNodes(classId: descriptor.classId, instance: descriptor.instance)
        if let name = descriptor.methodName { children.append(.comment(name)) }
        children.append(.value("MethodId", hex(UInt8(bitPattern: descriptor.methodId))))
        return .node("MethodDescriptor", [], children)
    }

    private static func objectNodes(classId: UInt16, instance: OBISCode) -> [XMLNode] {
        [
            .comment(InterfaceClass(id: classId).description),
            .value("ClassId", hex(classId)),
            .comment(instance.name.map { "\(instance) \($0)" } ?? instance.description),
            .value("InstanceId", Hex.encode(instance.bytes)),
        ]
    }

    /// `<AttributeDescriptorWithSelection>`: the descriptor and, when
    /// present, its `<AccessSelection>`.
    static func attributeWithSelection(_ item: CosemAttributeDescriptorWithSelection) -> XMLNode {
        var children = [attributeDescriptor(item.attribute)]
        if let selection = item.accessSelection { children.append(selection.guruxXML()) }
        return .node("AttributeDescriptorWithSelection", [], children)
    }

    /// `<AttributeDescriptorList Qty>` of `<AttributeDescriptorWithSelection>`.
    static func attributeList(_ items: [CosemAttributeDescriptorWithSelection]) -> XMLNode {
        .node("AttributeDescriptorList", [XMLNode.quantity(items.count)], items.map(attributeWithSelection))
    }

    /// The Gurux name of a Data-Access-Result (its ErrorCode names), or the
    /// byte in hex for a value the standard does not define.
    static func resultName(_ code: UInt8) -> String {
        guruxResultNames[code] ?? hex(code)
    }

    /// `<name Value="Gurux name" />` after a comment with the Green Book name.
    static func result(_ name: String, _ result: DataAccessResult) -> [XMLNode] {
        [.comment("\(result) (\(result.rawValue))"), .value(name, resultName(result.rawValue))]
    }

    static func result(_ name: String, _ result: ActionResult) -> [XMLNode] {
        [.comment("\(result) (\(result.rawValue))"), .value(name, resultName(result.rawValue))]
    }

    private static let guruxResultNames: [UInt8: String] = [
        0: "Success", 1: "HardwareFault", 2: "TemporaryFailure", 3: "ReadWriteDenied", 4: "UndefinedObject",
        9: "InconsistentClass", 11: "UnavailableObject", 12: "UnmatchedType", 13: "AccessViolated",
        14: "DataBlockUnavailable", 15: "LongGetOrReadAborted", 16: "NoLongGetOrReadInProgress",
        17: "LongSetOrWriteAborted", 18: "NoLongSetOrWriteInProgress", 19: "DataBlockNumberInvalid",
        250: "OtherReason",
    ]

    /// A Get-Data-Result inside a result element: `<Data>` with the value,
    /// or `<DataAccessError>`.
    static func getDataResult(_ result: GetDataResult, _ context: ValueContext) -> [XMLNode] {
        switch result {
        case let .data(value):
            [.node("Data", [], value.guruxXML(context))]
        case let .dataAccessResult(code):
            LNServiceXML.result("DataAccessError", code)
        }
    }

    /// The children of a DataBlock-SA element: last-block, block-number, raw data.
    static func dataBlockSA(_ block: DataBlockSA) -> [XMLNode] {
        [
            .value("LastBlock", hex(UInt8(block.lastBlock ? 1 : 0))),
            .value("BlockNumber", hex(block.blockNumber)),
            .comment("\(block.rawData.count) bytes"),
            .value("RawData", Hex.encode(block.rawData)),
        ]
    }

    static func blockNumber(_ number: UInt32) -> XMLNode {
        .value("BlockNumber", hex(number))
    }

    /// The date-time octet string as `<name Value="hex" />`, after a comment
    /// with the decoded date-time when it is one.
    static func dateTime(_ name: String, _ bytes: [UInt8], note: String? = nil) -> [XMLNode] {
        var parts: [String] = []
        if let dateTime = COSEMDateTime(bytes: bytes) { parts.append(dateTime.rfc3339 ?? dateTime.description) }
        if let note { parts.append(note) }
        let comment: [XMLNode] = parts.isEmpty ? [] : [.comment(parts.joined(separator: "; "))]
        return comment + [.value(name, Hex.encode(bytes))]
    }

    /// Upper-case hex of an unsigned value, all of its bytes.
    static func hex<T: FixedWidthInteger & UnsignedInteger>(_ value: T) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        let width = MemoryLayout<T>.size * 2
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
