import Foundation

extension KeysFileDocument {
    /// Reads a JSON keys file: `{"default": {...}, "meter": [{...}], "client": [{...}]}`.
    /// Members are taken in name order (JSON objects have none), so errors are
    /// reported the same way every time.
    static func json(_ bytes: ArraySlice<UInt8>, file: String) throws(KeysFileError) -> KeysFileDocument {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(bytes))
        } catch {
            throw KeysFileError(file: file, line: errorLine(error, in: bytes), problem: "is not valid JSON")
        }
        guard let top = object as? [String: Any] else {
            throw KeysFileError(file: file, problem: "must hold one JSON object")
        }
        var document = KeysFileDocument()
        for name in top.keys.sorted(by: memberOrder) {
            let member = top[name]
            switch name {
            case "default":
                guard let fields = member as? [String: Any] else {
                    throw KeysFileError(file: file, problem: "\"default\" must be an object")
                }
                document.tables.append(table(name, kind: .table, fields: fields))
            case "meter", "client":
                guard let elements = member as? [Any] else {
                    throw KeysFileError(file: file, problem: "\"\(name)\" must be an array of objects")
                }
                for (number, element) in elements.enumerated() {
                    guard let fields = element as? [String: Any] else {
                        throw KeysFileError(file: file, problem: "\"\(name)\" element #\(number + 1) must be an object")
                    }
                    document.tables.append(table(name, kind: .arrayElement, fields: fields))
                }
            default:
                if member is [String: Any] || member is [Any] {
                    throw KeysFileError(
                        file: file, problem: "unknown member \(KeysFileError.quoted(name)) (expected default, meter or client)"
                    )
                }
                document.root.entries.append(.init(key: name, value: value(member), line: nil))
            }
        }
        return document
    }

    /// default, meter, client, then the rest by name.
    private static func memberOrder(_ lhs: String, _ rhs: String) -> Bool {
        let known = ["default", "meter", "client"]
        switch (known.firstIndex(of: lhs), known.firstIndex(of: rhs)) {
        case (let left?, let right?): return left < right
        case (.some, nil): return true
        case (nil, .some): return false
        case (nil, nil): return lhs < rhs
        }
    }

    private static func table(_ name: String, kind: KeysFileTable.Kind, fields: [String: Any]) -> KeysFileTable {
        var table = KeysFileTable(name: name, kind: kind, line: nil)
        for key in fields.keys.sorted() {
            table.entries.append(.init(key: key, value: value(fields[key]), line: nil))
        }
        return table
    }

    private static func value(_ member: Any?) -> KeysFileValue {
        switch member {
        case let text as String:
            return .string(text)
        case let number as NSNumber:
            switch String(cString: number.objCType) {
            case "c", "B": return .boolean(number.boolValue)
            case "f", "d": return .unsupported("a number with a fraction")
            default:
                if let integer = Int64(exactly: number.int64Value), number.stringValue == String(integer) {
                    return .integer(integer)
                }
                return .unsupported("a number")
            }
        case is [Any]: return .unsupported("an array")
        case is [String: Any]: return .unsupported("an object")
        default: return .unsupported("null")
        }
    }

    /// The line of a JSONSerialization error, from its "around character N".
    private static func errorLine(_ error: any Error, in bytes: ArraySlice<UInt8>) -> Int? {
        let text = String(describing: (error as NSError).userInfo[NSDebugDescriptionErrorKey] ?? "")
        guard let range = text.range(of: "character ") else { return nil }
        guard let offset = Int(text[range.upperBound...].prefix { $0.isNumber }) else { return nil }
        let end = bytes.index(bytes.startIndex, offsetBy: min(max(offset, 0), bytes.count))
        return bytes[bytes.startIndex..<end].count(where: { $0 == 0x0A }) + 1
    }
}
