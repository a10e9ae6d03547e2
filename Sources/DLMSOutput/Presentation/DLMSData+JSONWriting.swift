import DLMSAPDU
import DLMSCore

// The JSON renderer's fast path for COSEM data: the same text as
// `JSONWriter.value(json(context))` (DLMSData+JSON.swift), written straight
// into bytes without building a `Field` tree. A profile of `decode -T json`
// showed the trees of data values (an array per value, a string per key,
// their release) as the largest single cost of rendering; see BENCHMARKS.md.
// The two must stay in step: the golden and contract tests compare both paths'
// output (JSON records go through this one, presenter tests through `json`).
extension DLMSData {
    /// The value as JSON text, for a `Field.Value.json` member.
    func encodedJSON(_ context: ValueContext) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(64)
        var json = JSONWriter()
        writeJSON(context, &json, &out)
        return out
    }

    /// Writes the value's JSON object: `type`, `value`, then the annotations,
    /// in the order `json(_:)` lists them.
    func writeJSON(_ context: ValueContext, _ json: inout JSONWriter, _ out: inout [UInt8]) {
        json.beginObject(&out)
        json.key("type", &out)
        json.string(typeName, &out)
        json.key("value", &out)
        writeJSONValue(&json, &out)
        switch self {
        case .array, .structure:
            if let scalerUnit = ScalerUnit(self) {
                json.key("scaler", &out)
                json.integer(scalerUnit.scaler, &out)
                json.key("unit", &out)
                json.string(scalerUnit.unit.description, &out)
            }
        case let .bitString(bits, _):
            json.key("bits", &out)
            json.integer(bits.count, &out)
        case let .bcd(byte):
            if let digits = bcdDigits {
                json.key("digits", &out)
                json.integer(digits, &out)
            } else {
                json.key("raw", &out)
                json.hex([byte], &out)
            }
        case let .compactArray(array):
            json.key("contentsDescription", &out)
            json.hex(array.contentsDescription.encoded, &out)
        case let .date(date):
            json.key("date", &out)
            json.string(date.rfc3339 ?? date.description, &out)
        case let .time(time):
            json.key("time", &out)
            json.string(time.rfc3339 ?? time.description, &out)
        default:
            break
        }
        let annotation = DataAnnotation(self, context: context)
        if let obis = annotation.obis {
            json.key("obis", &out)
            json.string(obis.description, &out)
            if let name = obis.name {
                json.key("obisName", &out)
                json.string(name, &out)
            }
        }
        if let dateTime = annotation.dateTime {
            if let text = dateTime.rfc3339 {
                json.key("dateTime", &out)
                json.string(text, &out)
            } else {
                json.key("dateTimeText", &out)
                json.string(dateTime.description, &out)
            }
        }
        if let text = annotation.text {
            json.key("text", &out)
            json.string(text, &out)
        }
        if let scaled = annotation.scaled {
            json.key("scaled", &out)
            json.value(.float(scaled.value.doubleValue), &out)
            json.key("unit", &out)
            json.string(scaled.unit.description, &out)
        }
        if let name = annotation.enumName {
            json.key("enum", &out)
            json.string(name, &out)
        }
        json.endObject(&out)
    }

    /// The bare `value` member (`jsonValue` in DLMSData+JSON.swift).
    private func writeJSONValue(_ json: inout JSONWriter, _ out: inout [UInt8]) {
        switch self {
        case .nullData, .dontCare: json.null(&out)
        case let .array(elements, _), let .structure(elements, _):
            let contexts = DataAnnotation.siblingContexts(elements)
            json.beginArray(&out)
            for index in elements.indices { elements[index].writeJSON(contexts[index], &json, &out) }
            json.endArray(&out)
        case let .compactArray(array):
            json.beginArray(&out)
            for element in array.elements { element.writeJSON(ValueContext(), &json, &out) }
            json.endArray(&out)
        case let .boolean(value, _): json.boolean(value, &out)
        case let .bitString(bits, _): json.hex(bits.bytes, &out)
        case let .doubleLong(value): json.integer(value, &out)
        case let .doubleLongUnsigned(value): json.integer(value, &out)
        case let .octetString(bytes, _): json.hex(bytes, &out)
        case .visibleString, .utf8String: json.string(text ?? "", &out)
        case let .bcd(value): json.integer(value, &out)
        case let .integer(value): json.integer(value, &out)
        case let .long(value): json.integer(value, &out)
        case let .unsigned(value): json.integer(value, &out)
        case let .longUnsigned(value): json.integer(value, &out)
        case let .long64(value): json.integer(value, &out)
        case let .long64Unsigned(value): json.integer(value, &out)
        case let .enum(value): json.integer(value, &out)
        case let .float32(bits): json.value(.float(Double(Float(bitPattern: bits))), &out)
        case let .float64(bits): json.value(.float(Double(bitPattern: bits)), &out)
        case let .dateTime(value): json.hex(value.encoded, &out)
        case let .date(value): json.hex(value.encoded, &out)
        case let .time(value): json.hex(value.encoded, &out)
        }
    }
}
