import Foundation

/// Validates JSON values against the subset of JSON Schema (2020-12) that
/// dlmscope's record schema uses: `type`, `required`, `properties`,
/// `additionalProperties`, `items`, `enum`, `const`, `minimum`, `maximum`,
/// `pattern`, `oneOf`, `anyOf` and local `$ref`s. Unknown keywords are errors,
/// so the schema cannot silently use something this validator ignores.
public struct JSONSchemaValidator {
    private let root: [String: Any]

    private static let known: Set<String> = [
        "$schema", "$id", "$defs", "$ref", "title", "description", "type", "required", "properties",
        "additionalProperties", "items", "enum", "const", "minimum", "maximum", "pattern", "oneOf", "anyOf",
    ]

    public init(schema: Data) throws {
        guard let object = try JSONSerialization.jsonObject(with: schema) as? [String: Any] else {
            throw ValidationError("the schema is not a JSON object")
        }
        root = object
    }

    public struct ValidationError: Error, CustomStringConvertible {
        public let description: String
        init(_ description: String) { self.description = description }
    }

    /// Parses one line of JSON and validates it; returns the problems found (empty when valid).
    public func validate(jsonLine: String) -> [String] {
        guard let data = jsonLine.data(using: .utf8),
              let value = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        else { return ["not valid JSON: \(jsonLine.prefix(80))"] }
        return validate(value)
    }

    public func validate(_ instance: Any) -> [String] {
        var problems: [String] = []
        check(instance, against: root, at: "$", into: &problems)
        return problems
    }

    private func check(_ value: Any, against schema: [String: Any], at path: String, into problems: inout [String]) {
        for keyword in schema.keys where !Self.known.contains(keyword) {
            problems.append("\(path): schema keyword '\(keyword)' is not supported by the validator")
        }
        if let reference = schema["$ref"] as? String {
            guard let target = resolve(reference) else {
                problems.append("\(path): unresolvable $ref \(reference)")
                return
            }
            check(value, against: target, at: path, into: &problems)
        }
        if let types = schema["type"] {
            let allowed = (types as? [String]) ?? [(types as? String) ?? ""]
            if !allowed.contains(where: { Self.matches(value, type: $0) }) {
                problems.append("\(path): expected \(allowed.joined(separator: " or ")), found \(Self.describe(value))")
                return
            }
        }
        if let options = schema["enum"] as? [Any], !options.contains(where: { Self.equal($0, value) }) {
            problems.append("\(path): \(Self.describe(value)) is not one of the allowed values")
        }
        if let constant = schema["const"], !Self.equal(constant, value) {
            problems.append("\(path): \(Self.describe(value)) is not the required constant")
        }
        if let number = Self.number(value) {
            if let minimum = schema["minimum"].flatMap(Self.number), number < minimum {
                problems.append("\(path): \(number) is below the minimum \(minimum)")
            }
            if let maximum = schema["maximum"].flatMap(Self.number), number > maximum {
                problems.append("\(path): \(number) is above the maximum \(maximum)")
            }
        }
        if let pattern = schema["pattern"] as? String, let text = value as? String {
            let regex = try? NSRegularExpression(pattern: pattern)
            let range = NSRange(text.startIndex..., in: text)
            if regex?.firstMatch(in: text, range: range) == nil {
                problems.append("\(path): '\(text.prefix(60))' does not match \(pattern)")
            }
        }
        if let object = value as? [String: Any] {
            for name in (schema["required"] as? [String]) ?? [] where object[name] == nil {
                problems.append("\(path): required key '\(name)' is missing")
            }
            let properties = (schema["properties"] as? [String: Any]) ?? [:]
            for (name, member) in object {
                if let memberSchema = properties[name] as? [String: Any] {
                    check(member, against: memberSchema, at: "\(path).\(name)", into: &problems)
                } else if let additional = schema["additionalProperties"] {
                    if let allowed = additional as? Bool, !allowed {
                        problems.append("\(path): key '\(name)' is not allowed")
                    } else if let additionalSchema = additional as? [String: Any] {
                        check(member, against: additionalSchema, at: "\(path).\(name)", into: &problems)
                    }
                }
            }
        }
        if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (index, element) in array.enumerated() {
                check(element, against: items, at: "\(path)[\(index)]", into: &problems)
            }
        }
        if let alternatives = schema["oneOf"] as? [[String: Any]] {
            let passing = alternatives.filter { alternative in
                var scratch: [String] = []
                check(value, against: alternative, at: path, into: &scratch)
                return scratch.isEmpty
            }
            if passing.count != 1 {
                problems.append("\(path): matches \(passing.count) of the oneOf alternatives, not exactly 1")
            }
        }
        if let alternatives = schema["anyOf"] as? [[String: Any]] {
            let passes = alternatives.contains { alternative in
                var scratch: [String] = []
                check(value, against: alternative, at: path, into: &scratch)
                return scratch.isEmpty
            }
            if !passes { problems.append("\(path): matches none of the anyOf alternatives") }
        }
    }

    private func resolve(_ reference: String) -> [String: Any]? {
        guard reference.hasPrefix("#/") else { return nil }
        var node: Any = root
        for part in reference.dropFirst(2).split(separator: "/") {
            guard let object = node as? [String: Any], let next = object[String(part)] else { return nil }
            node = next
        }
        return node as? [String: Any]
    }

    /// JSON true/false: Foundation bridges them to a boolean NSNumber subclass,
    /// while 0 and 1 also cast to Bool, so the class is what tells them apart.
    private static func isBoolean(_ value: Any) -> Bool {
        String(describing: type(of: value)).contains("Boolean") || type(of: value) == Bool.self
    }

    private static func matches(_ value: Any, type: String) -> Bool {
        switch type {
        case "null": return value is NSNull
        case "boolean": return isBoolean(value)
        case "string": return value is String
        case "object": return value is [String: Any]
        case "array": return value is [Any]
        case "number": return !isBoolean(value) && number(value) != nil
        case "integer":
            guard !isBoolean(value), let number = number(value) else { return false }
            return number.rounded() == number
        default: return false
        }
    }

    private static func number(_ value: Any) -> Double? {
        if isBoolean(value) { return nil }
        if let number = value as? NSNumber { return number.doubleValue }
        if let number = value as? Int { return Double(number) }
        if let number = value as? Double { return number }
        return nil
    }

    private static func equal(_ lhs: Any, _ rhs: Any) -> Bool {
        switch (lhs, rhs) {
        case (is NSNull, is NSNull): return true
        case let (l as String, r as String): return l == r
        default:
            if isBoolean(lhs) || isBoolean(rhs) {
                return isBoolean(lhs) && isBoolean(rhs) && (lhs as? Bool) == (rhs as? Bool)
            }
            if let l = number(lhs), let r = number(rhs) { return l == r }
            return false
        }
    }

    private static func describe(_ value: Any) -> String {
        if value is NSNull { return "null" }
        if isBoolean(value) { return "boolean" }
        if let text = value as? String { return "string '\(text.prefix(40))'" }
        if number(value) != nil { return "number \(value)" }
        if value is [Any] { return "array" }
        if value is [String: Any] { return "object" }
        return "\(type(of: value))"
    }
}
