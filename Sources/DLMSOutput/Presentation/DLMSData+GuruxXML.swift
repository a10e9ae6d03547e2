import DLMSAPDU
import DLMSCore

// COSEM data values in the Gurux translator's simple-XML vocabulary: one
// element per value, integers as big-endian hex of their width, containers
// with `Qty`, and what dlmscope decodes about a value as a comment before it.
// Where Gurux is wrong (compact arrays, date 0x1A, dont-care), the element is
// dlmscope's own, by the standard.
extension DLMSData {
    /// The comment (if any) and the element for this value.
    public func guruxXML(_ context: ValueContext = ValueContext()) -> [XMLNode] {
        var nodes: [XMLNode] = []
        if let comment = DataAnnotation(self, context: context).comment ?? floatComment { nodes.append(.comment(comment)) }
        nodes.append(element)
        return nodes
    }

    private var floatComment: String? {
        switch self {
        case let .float32(bits): String(Float(bitPattern: bits))
        case let .float64(bits): String(Double(bitPattern: bits))
        default: nil
        }
    }

    private var element: XMLNode {
        switch self {
        case .nullData: return .node("None")
        case .dontCare: return .node("DontCare")
        case let .array(elements, _), let .structure(elements, _):
            let contexts = DataAnnotation.siblingContexts(elements)
            let children = zip(elements, contexts).flatMap { $0.guruxXML($1) }
            return .node(tag == .array ? "Array" : "Structure", [XMLNode.quantity(elements.count)], children)
        case let .boolean(value, _): return .value("Boolean", value ? "True" : "False")
        case let .bitString(bits, _): return .value("BitString", bits.binaryText)
        case let .doubleLong(value): return .value("Int32", Self.hex(UInt32(bitPattern: value), width: 8))
        case let .doubleLongUnsigned(value): return .value("UInt32", Self.hex(value, width: 8))
        case let .octetString(bytes, _): return .value("OctetString", Hex.encode(bytes))
        case .visibleString: return .value("String", text ?? "")
        case let .utf8String(bytes, _): return .value("StringUTF8", bytes.map { Hex.encode([$0]) }.joined(separator: " "))
        case let .bcd(value): return .value("BCD", Self.hex(value, width: 2))
        case let .integer(value): return .value("Int8", Self.hex(UInt8(bitPattern: value), width: 2))
        case let .long(value): return .value("Int16", Self.hex(UInt16(bitPattern: value), width: 4))
        case let .unsigned(value): return .value("UInt8", Self.hex(value, width: 2))
        case let .longUnsigned(value): return .value("UInt16", Self.hex(value, width: 4))
        case let .long64(value): return .value("Int64", Self.hex(UInt64(bitPattern: value), width: 16))
        case let .long64Unsigned(value): return .value("UInt64", Self.hex(value, width: 16))
        case let .enum(value): return .value("Enum", Self.hex(value, width: 2))
        case let .float32(bits): return .value("Float32", Self.hex(bits, width: 8))
        case let .float64(bits): return .value("Float64", Self.hex(bits, width: 16))
        case let .dateTime(value): return .value("DateTime", Hex.encode(value.encoded))
        case let .date(value): return .value("Date", Hex.encode(value.encoded))
        case let .time(value): return .value("Time", Hex.encode(value.encoded))
        case let .compactArray(array):
            return .node("CompactArray", [], [
                .node("ContentsDescription", [], [Self.typeElement(array.contentsDescription)]),
                .node("ArrayContents", [XMLAttribute("Value", Hex.encode(array.contents))],
                      array.elements.flatMap { $0.guruxXML() }),
            ])
        }
    }

    /// A contents-description as empty elements named like the values they describe.
    private static func typeElement(_ description: TypeDescription) -> XMLNode {
        switch description {
        case let .simple(tag): .node(elementName(tag))
        case let .array(count, element): .node("Array", [XMLNode.quantity(Int(count))], [typeElement(element)])
        case let .structure(members, _): .node("Structure", [XMLNode.quantity(members.count)], members.map(typeElement))
        }
    }

    private static func elementName(_ tag: TypeTag) -> String {
        switch tag {
        case .nullData: "None"
        case .array: "Array"
        case .structure: "Structure"
        case .boolean: "Boolean"
        case .bitString: "BitString"
        case .doubleLong: "Int32"
        case .doubleLongUnsigned: "UInt32"
        case .octetString: "OctetString"
        case .visibleString: "String"
        case .utf8String: "StringUTF8"
        case .bcd: "BCD"
        case .integer: "Int8"
        case .long: "Int16"
        case .unsigned: "UInt8"
        case .longUnsigned: "UInt16"
        case .compactArray: "CompactArray"
        case .long64: "Int64"
        case .long64Unsigned: "UInt64"
        case .enum: "Enum"
        case .float32: "Float32"
        case .float64: "Float64"
        case .dateTime: "DateTime"
        case .date: "Date"
        case .time: "Time"
        case .dontCare: "DontCare"
        }
    }

    /// Upper-case hex of an unsigned value, zero-padded to `width` digits.
    static func hex<T: FixedWidthInteger & UnsignedInteger>(_ value: T, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
