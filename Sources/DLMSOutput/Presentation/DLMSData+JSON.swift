import DLMSAPDU
import DLMSCore

// COSEM data values as the JSON contract shows them: `{"type": <A-XDR type
// in kebab case>, "value": V}` plus annotations as extra keys.
extension DLMSData {
    /// The value as a JSON object.
    public func json(_ context: ValueContext = ValueContext()) -> Field.Value {
        if context.directJSON { return .json(encodedJSON(context)) }
        var fields = [Field.text("type", typeName), Field("value", jsonValue)]
        switch self {
        case let .array(elements, _), let .structure(elements, _):
            let contexts = DataAnnotation.siblingContexts(elements)
            fields[1] = Field("value", .list(zip(elements, contexts).map { $0.json($1) }))
            if let scalerUnit = ScalerUnit(self) {
                fields.append(.integer("scaler", scalerUnit.scaler))
                fields.append(.text("unit", scalerUnit.unit.description))
            }
        case let .bitString(bits, _):
            fields.append(.integer("bits", bits.count))
        case let .bcd(byte):
            if let digits = bcdDigits { fields.append(.integer("digits", digits)) } else { fields.append(.bytes("raw", [byte])) }
        case let .compactArray(array):
            fields[1] = Field("value", .list(array.elements.map { $0.json() }))
            fields.append(.bytes("contentsDescription", array.contentsDescription.encoded))
        case let .date(date):
            fields.append(.text("date", date.rfc3339 ?? date.description))
        case let .time(time):
            fields.append(.text("time", time.rfc3339 ?? time.description))
        default:
            break
        }
        let annotation = DataAnnotation(self, context: context)
        if let obis = annotation.obis {
            fields.append(.text("obis", obis.description))
            if let name = obis.name { fields.append(.text("obisName", name)) }
        }
        if let dateTime = annotation.dateTime {
            if let text = dateTime.rfc3339 { fields.append(.text("dateTime", text)) } else {
                fields.append(.text("dateTimeText", dateTime.description))
            }
        }
        if let text = annotation.text { fields.append(.text("text", text)) }
        if let scaled = annotation.scaled {
            fields.append(Field("scaled", .float(scaled.value.doubleValue)))
            fields.append(.text("unit", scaled.unit.description))
        }
        if let name = annotation.enumName { fields.append(.text("enum", name)) }
        return .fields(fields)
    }

    /// The bare `value` member.
    private var jsonValue: Field.Value {
        switch self {
        case .nullData, .dontCare: .null
        case .array, .structure, .compactArray: .list([])
        case let .boolean(value, _): .boolean(value)
        case let .bitString(bits, _): .bytes(bits.bytes)
        case let .doubleLong(value): .integer(Int64(value))
        case let .doubleLongUnsigned(value): .integer(Int64(value))
        case let .octetString(bytes, _): .bytes(bytes)
        case .visibleString, .utf8String: .text(text ?? "")
        case let .bcd(value): .integer(Int64(value))
        case let .integer(value): .integer(Int64(value))
        case let .long(value): .integer(Int64(value))
        case let .unsigned(value): .integer(Int64(value))
        case let .longUnsigned(value): .integer(Int64(value))
        case let .long64(value): .integer(value)
        case let .long64Unsigned(value): .unsigned(value)
        case let .enum(value): .integer(Int64(value))
        case let .float32(bits): .float(Double(Float(bitPattern: bits)))
        case let .float64(bits): .float(Double(bitPattern: bits))
        case let .dateTime(value): .bytes(value.encoded)
        case let .date(value): .bytes(value.encoded)
        case let .time(value): .bytes(value.encoded)
        }
    }
}
