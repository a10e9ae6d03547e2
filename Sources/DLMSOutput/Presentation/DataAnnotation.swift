import DLMSAPDU
import DLMSCore

/// The decoded meaning dlmscope adds to a data value: an OBIS code and its
/// name for a 6-byte octet-string, a date-time for a 12-byte one, text for a
/// printable one, a scaled value with its unit, an enum's name. JSON shows
/// these as extra keys, XML as comments.
struct DataAnnotation {
    var obis: OBISCode?
    var dateTime: COSEMDateTime?
    var text: String?
    var scaled: (value: ScaledValue, unit: COSEMUnit)?
    var enumName: String?
    var unit: COSEMUnit?

    /// What `value` means, given what is known about it.
    init(_ value: DLMSData, context: ValueContext = ValueContext()) {
        switch value {
        case let .octetString(bytes, _):
            if bytes.count == 6 {
                obis = OBISCode(bytes: bytes)
            } else if bytes.count == 12, let dateTime = COSEMDateTime(octetString: bytes), dateTime.problems.isEmpty {
                self.dateTime = dateTime
            } else if !bytes.isEmpty, DLMSData.isPrintable(bytes) {
                text = String(decoding: bytes, as: UTF8.self)
            }
        case let .dateTime(dateTime):
            self.dateTime = dateTime
        case let .enum(raw):
            if let attribute = context.attribute {
                enumName = InterfaceClass.enumValueName(
                    classID: attribute.classId, attribute: Int(attribute.attributeId), value: raw)
            }
        default:
            break
        }
        if let scalerUnit = context.scalerUnit, let scaled = scalerUnit.scale(value) {
            self.scaled = (scaled, scalerUnit.unit)
        }
    }

    /// Annotations that siblings in a structure give each other: a
    /// `{scaler, unit}` structure scales the number just before it (the
    /// layout of Register-like entries in push lists: OBIS, value, scaler_unit).
    static func siblingContexts(_ elements: [DLMSData]) -> [ValueContext] {
        var contexts = Array(repeating: ValueContext(), count: elements.count)
        for index in elements.indices.dropFirst() {
            if let scalerUnit = ScalerUnit(elements[index]), scalerUnit.scale(elements[index - 1]) != nil {
                contexts[index - 1].scalerUnit = scalerUnit
            }
        }
        return contexts
    }

    /// A one-line description for XML comments.
    var comment: String? {
        var parts: [String] = []
        if let obis { parts.append(obis.name.map { "\(obis) \($0)" } ?? obis.description) }
        if let dateTime { parts.append(dateTime.rfc3339 ?? dateTime.description) }
        if let text { parts.append("\"\(text)\"") }
        if let scaled { parts.append(scaled.value.decimalString + (scaled.unit.symbol.map { " " + $0 } ?? "")) }
        if let enumName { parts.append(enumName) }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }
}
