import DLMSAPDU
import DLMSCore
import DLMSTestSupport
import Foundation
import Testing

/// The `f-axdr` vectors of ../shared/vectors/vectors.json and the Gurux
/// reference cases, read at test time.
enum DataVectors {
    /// Every vector of the file, keyed by id.
    static func all() throws -> [String: [String: Any]] {
        let data = try Data(contentsOf: URL(fileURLWithPath: Fixtures.shared("vectors/vectors.json")))
        let list = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        var vectors = [String: [String: Any]]()
        for vector in list {
            if let id = vector["id"] as? String { vectors[id] = vector }
        }
        return vectors
    }

    /// The vector whose id starts with `prefix` ("f08").
    static func vector(_ prefix: String) throws -> [String: Any] {
        let vectors = try all()
        let id = try #require(vectors.keys.first { $0.hasPrefix(prefix + "-") }, "no vector \(prefix)")
        return try #require(vectors[id])
    }

    /// The vector's input bytes: `inputs.encoded`, or the hex of
    /// `inputs.encoded_file` without its `#` header lines.
    static func input(of vector: [String: Any]) throws -> [UInt8] {
        let inputs = try #require(vector["inputs"] as? [String: Any])
        if let hex = inputs["encoded"] as? String { return try #require(Hex.decode(hex)) }
        let file = try #require(inputs["encoded_file"] as? String)
        let text = try String(contentsOfFile: Fixtures.shared("vectors/" + file), encoding: .utf8)
        let hex = text.split(separator: "\n").filter { !$0.hasPrefix("#") }.joined()
        return try #require(Hex.decode(hex))
    }

    static func expected(of vector: [String: Any]) throws -> [String: Any] {
        try #require(vector["expected"] as? [String: Any])
    }
}

enum GuruxCase {
    /// The first APDU of `reference/gurux/<name>.hex`.
    static func apdu(_ name: String) throws -> [UInt8] {
        let text = try String(contentsOfFile: Fixtures.shared("reference/gurux/\(name).hex"), encoding: .utf8)
        let line = try #require(text.split(separator: "\n").first)
        return try #require(Hex.decode(line))
    }

    /// The A-XDR data of a GetResponse-Normal `C4 01 <invoke> 00 <data>`:
    /// the slice from byte 4, keeping the APDU's offsets.
    static func getResponseData(_ name: String) throws -> ArraySlice<UInt8> {
        let apdu = try apdu(name)
        try #require(apdu.count > 4)
        #expect(apdu[0] == 0xC4 && apdu[1] == 0x01 && apdu[3] == 0x00, "not a GetResponse-Normal with data")
        return apdu[4...]
    }

    /// The lines of the `<Data>` element of `reference/gurux/<name>.xml`,
    /// trimmed, comments removed.
    static func dataLines(_ name: String) throws -> [String] {
        let text = try String(contentsOfFile: Fixtures.shared("reference/gurux/\(name).xml"), encoding: .utf8)
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let start = try #require(lines.firstIndex(of: "<Data>"))
        let end = try #require(lines.lastIndex(of: "</Data>"))
        return lines[(start + 1)..<end].filter { !$0.hasPrefix("<!--") }
    }

    /// The comments of the `<Data>` element, without `<!--` and `-->`.
    static func dataComments(_ name: String) throws -> [String] {
        let text = try String(contentsOfFile: Fixtures.shared("reference/gurux/\(name).xml"), encoding: .utf8)
        return text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.hasPrefix("<!--") }
            .map { String($0.dropFirst(4).dropLast(3)) }
    }

    /// A value as the Gurux translator's simple XML prints it (the
    /// vocabulary dlmscope's XML follows), for the types these cases hold.
    /// dont-care prints nothing, as Gurux does (which is wrong; tests check
    /// it separately).
    static func lines(_ value: DLMSData) -> [String] {
        let body = Hex.encode(value.encoded.dropFirst())
        func element(_ name: String, _ text: String) -> [String] { ["<\(name) Value=\"\(text)\" />"] }
        switch value {
        case .nullData: return ["<None />"]
        case .dontCare: return []
        case .array(let elements, _), .structure(let elements, _):
            let name = value.tag == .array ? "Array" : "Structure"
            let qty = Hex.encode([UInt8(truncatingIfNeeded: elements.count)])
            return ["<\(name) Qty=\"\(qty)\" >"] + elements.flatMap(lines) + ["</\(name)>"]
        case .boolean(let flag, _): return element("Boolean", flag ? "True" : "False")
        case .bitString(let bits, _): return element("BitString", bits.binaryText)
        case .doubleLong: return element("Int32", body)
        case .doubleLongUnsigned: return element("UInt32", body)
        case .octetString(let bytes, _): return element("OctetString", Hex.encode(bytes))
        case .visibleString: return element("String", value.text ?? "")
        case .utf8String(let bytes, _): return element("StringUTF8", bytes.map { Hex.encode([$0]) }.joined(separator: " "))
        case .bcd: return element("BCD", body)
        case .integer: return element("Int8", body)
        case .long: return element("Int16", body)
        case .unsigned: return element("UInt8", body)
        case .longUnsigned: return element("UInt16", body)
        case .long64: return element("Int64", body)
        case .long64Unsigned: return element("UInt64", body)
        case .enum: return element("Enum", body)
        case .float32: return element("Float32", body)
        case .float64: return element("Float64", body)
        case .dateTime: return element("DateTime", body)
        case .date: return element("Date", body)
        case .time: return element("Time", body)
        case .compactArray: return ["<CompactArray />"]
        }
    }
}

/// Compares a decoded value with the JSON form the vectors use
/// (`{"type": ..., "value": ...}`, bit-strings with `bits`, compact arrays
/// with `contents_description`, date and time fields as objects).
enum Expectation {
    /// The differences, as `path: what` lines; empty when the value matches.
    static func mismatches(_ value: DLMSData, _ expected: Any, path: String = "$") -> [String] {
        guard let object = expected as? [String: Any], let type = object["type"] as? String else {
            return ["\(path): expected value is not a typed object"]
        }
        guard value.typeName == type else { return ["\(path): type \(value.typeName), expected \(type)"] }
        let wanted = object["value"]
        func fail(_ what: String) -> [String] { ["\(path): \(what)"] }
        switch value {
        case .nullData, .dontCare:
            return wanted == nil || wanted is NSNull ? [] : fail("expected a value")
        case .array, .structure, .compactArray:
            guard let list = wanted as? [Any], let elements = value.elements else { return fail("expected a list") }
            guard list.count == elements.count else { return fail("\(elements.count) elements, expected \(list.count)") }
            var problems = [String]()
            if case .compactArray(let compact) = value, let description = object["contents_description"] {
                problems += descriptionMismatches(compact.contentsDescription, description, path: path + ".contents_description")
            }
            for (index, (element, wantedElement)) in zip(elements, list).enumerated() {
                problems += mismatches(element, wantedElement, path: "\(path)[\(index)]")
            }
            return problems
        case .boolean(let flag, _):
            return (wanted as? Bool) == flag ? [] : fail("\(flag), expected \(String(describing: wanted))")
        case .bitString(let bits, _):
            let count = (object["bits"] as? NSNumber)?.intValue
            return count == bits.count && (wanted as? String) == Hex.encode(bits.bytes)
                ? [] : fail("\(bits.count) bits \(Hex.encode(bits.bytes))")
        case .octetString(let bytes, _):
            let hex = Hex.encode(bytes)
            return (wanted as? String) == hex ? [] : fail("\(hex), expected \(String(describing: wanted))")
        case .visibleString, .utf8String:
            let text = value.text ?? ""
            return (wanted as? String) == text ? [] : fail("\(text), expected \(String(describing: wanted))")
        case .float32, .float64:
            let number = value.doubleValue ?? .nan
            return (wanted as? NSNumber)?.doubleValue == number ? [] : fail("\(number), expected \(String(describing: wanted))")
        case .dateTime(let dateTime):
            return fieldMismatches(dateTimeFields(dateTime), wanted, path: path)
        case .date(let date):
            return fieldMismatches(dateFields(date), wanted, path: path)
        case .time(let time):
            return fieldMismatches(timeFields(time), wanted, path: path)
        default:
            guard let number = wanted as? NSNumber else { return fail("expected a number") }
            if let signed = value.integerValue {
                return signed == number.int64Value ? [] : fail("\(signed), expected \(number)")
            }
            if let unsigned = value.unsignedValue {
                return unsigned == number.uint64Value ? [] : fail("\(unsigned), expected \(number)")
            }
            return fail("not a number")
        }
    }

    static func descriptionMismatches(_ description: DLMSData.TypeDescription, _ expected: Any, path: String) -> [String] {
        guard let object = expected as? [String: Any], let tag = (object["t"] as? NSNumber)?.intValue else {
            return ["\(path): expected description is not an object"]
        }
        switch description {
        case .simple(let simple):
            return Int(simple.rawValue) == tag ? [] : ["\(path): tag \(simple.rawValue), expected \(tag)"]
        case .structure(let members, _):
            guard tag == 2, let list = object["els"] as? [Any], list.count == members.count else {
                return ["\(path): structure of \(members.count)"]
            }
            return zip(members, list).enumerated().flatMap { index, pair in
                descriptionMismatches(pair.0, pair.1, path: "\(path).els[\(index)]")
            }
        case .array(let count, _):
            return tag == 1 ? [] : ["\(path): array of \(count), expected tag \(tag)"]
        }
    }

    /// Date-time fields in the vectors' naming; nil for "not specified" year and deviation.
    static func dateTimeFields(_ value: COSEMDateTime) -> [String: Int?] {
        dateFields(value.date).merging(timeFields(value.time)) { first, _ in first }.merging([
            "deviation": value.deviationMinutes, "clock_status": Int(value.clockStatus),
        ]) { first, _ in first }
    }

    static func dateFields(_ value: COSEMDate) -> [String: Int?] {
        ["year": value.calendarYear, "month": Int(value.month), "day": Int(value.dayOfMonth), "dow": Int(value.dayOfWeek)]
    }

    static func timeFields(_ value: COSEMTime) -> [String: Int?] {
        ["hour": Int(value.hour), "minute": Int(value.minute), "second": Int(value.second), "hundredths": Int(value.hundredths)]
    }

    static func fieldMismatches(_ fields: [String: Int?], _ expected: Any?, path: String) -> [String] {
        guard let object = expected as? [String: Any] else { return ["\(path): expected fields"] }
        var problems = [String]()
        for (key, wanted) in object {
            guard let actual = fields[key] else {
                problems.append("\(path).\(key): no such field")
                continue
            }
            let wantedValue = (wanted as? NSNumber)?.intValue
            if wanted is NSNull ? actual != nil : actual != wantedValue {
                problems.append("\(path).\(key): \(String(describing: actual)), expected \(wanted)")
            }
        }
        return problems
    }
}

/// Hex to bytes for literals in tests (spaces allowed).
func bytes(_ hex: String) -> [UInt8] {
    Hex.decode(hex) ?? []
}

/// The error decoding `hex` as one value throws, or nil when it decodes.
func decodingError(_ input: [UInt8]) -> DecodingError? {
    do throws(DecodingError) {
        _ = try DLMSData.decode(input)
        return nil
    } catch {
        return error
    }
}

func decodingError(_ hex: String) -> DecodingError? {
    decodingError(bytes(hex))
}
