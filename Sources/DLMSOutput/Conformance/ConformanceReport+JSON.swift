import DLMSAPDU
import DLMSAnalysis
import DLMSCore
import DLMSSecurity

// `dlmscope verify -T json`: one object per input, on one line. The associations
// can be written apart (`jsonHead`, each `AssociationReport.json`, `jsonTail`), so that
// they need not be held until the end.
extension ConformanceReport {
    /// The report as one JSON object and a newline.
    public func json(into out: inout [UInt8]) {
        jsonHead(into: &out)
        for (index, association) in associations.enumerated() {
            if index > 0 { out.append(Self.jsonSeparator) }
            association.json(into: &out)
        }
        jsonTail(into: &out)
    }

    /// What goes between two associations' objects.
    public static let jsonSeparator = UInt8(ascii: ",")

    /// The object up to the opening of its association list.
    public func jsonHead(into out: inout [UInt8]) {
        var writer = JSONWriter()
        writer.beginObject(&out)
        writer.fields([
            .text("file", input), .text("result", hasErrors ? "fail" : "pass"), .integer("records", records),
            Field("totals", .fields(totals.jsonFields)),
        ], &out)
        writer.key("associations", &out)
        writer.beginArray(&out)
    }

    /// The object from the end of its association list, and the newline.
    public func jsonTail(into out: inout [UInt8]) {
        var writer = JSONWriter()
        writer.endArray(&out)
        writer.fields([
            Field("meters", .list(meters.map { .fields($0.jsonFields) })),
            Field("invocationCounters", .list(invocationCounters.map { .fields($0.jsonFields) })),
            Field("findings", .list(findings.map { .fields($0.jsonFields) })),
        ], &out)
        writer.endObject(&out)
        out.append(UInt8(ascii: "\n"))
    }
}

extension ConformanceCounts {
    var jsonFields: [Field] {
        [
            .integer("apdus", apdus), .integer("ciphered", ciphered), Field("cipheredShare", .float((cipheredShare * 10_000).rounded() / 10_000)),
            .integer("decrypted", decrypted),
            Field("tags", .fields(TagVerdict.allCases.map { .integer($0.rawValue, tags[$0] ?? 0) })),
            Field("authentication", .fields(HLSVerdict.allCases.map { .integer($0.rawValue, authentication[$0] ?? 0) })),
            Field("signatures", .fields(SecurityInfo.SignatureVerdict.allCases.map { .integer($0.rawValue, signatures[$0] ?? 0) })),
        ]
    }
}

extension AssociationReport {
    /// The association as one JSON object (an item of the report's `associations`).
    public func json(into out: inout [UInt8]) {
        var writer = JSONWriter()
        writer.value(.fields(jsonFields), &out)
    }

    var jsonFields: [Field] {
        var fields: [Field] = [
            .integer("number", number), Field("flow", flow.map { .text($0) } ?? .null), .boolean("aarq", hasAARQ),
            Field("accepted", accepted.map { .boolean($0) } ?? .null), .boolean("released", released),
            Field("records", .list([.integer(Int64(records.lowerBound)), .integer(Int64(records.upperBound))])),
            Field("clientSystemTitle", clientSystemTitle.map { .bytes($0) } ?? .null),
            Field("serverSystemTitle", serverSystemTitle.map { .bytes($0) } ?? .null),
            Field("context", context.flatMap(\.name).map { .text($0) } ?? .null),
            Field("mechanism", mechanism.flatMap(\.name).map { .text($0) } ?? .null),
            Field("counts", .fields(counts.jsonFields)),
        ]
        fields.append(Field("authentication", .list(authentication.map { .fields($0.jsonFields) })))
        fields.append(Field("findings", .list(findings.map { .fields($0.jsonFields) })))
        return fields
    }
}

extension MeterReport {
    var jsonFields: [Field] {
        [
            Field("systemTitle", systemTitle.map { .bytes($0) } ?? .null), .integer("associations", associations),
            Field("counts", .fields(counts.jsonFields)),
            Field("invocationCounters", .list(invocationCounters.map { .fields($0.jsonFields) })),
            Field("findings", .list(findings.map { .fields($0.jsonFields) })),
        ]
    }
}

extension InvocationCounterRange {
    var jsonFields: [Field] {
        [
            Field("systemTitle", systemTitle.map { .bytes($0) } ?? .null), .text("key", key),
            .text("direction", direction.rawValue), .integer("first", Int(first)), .integer("last", Int(last)),
            .integer("lowest", Int(lowest)), .integer("highest", Int(highest)), .integer("count", count),
        ]
    }
}

extension FindingTally {
    var jsonFields: [Field] {
        [
            .text("code", code.rawValue), .text("severity", severity.rawValue), .integer("count", count),
            Field("locations", .list(locations.map { location in
                .fields([.integer("record", location.record), Field("packet", location.packet.map { .integer(Int64($0)) } ?? .null)])
            })),
            .text("example", example),
        ]
    }
}
