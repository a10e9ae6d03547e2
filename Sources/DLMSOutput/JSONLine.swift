import DLMSCore

/// Writes one JSON object of fields and a line end: for the CLI's own lines (the batch
/// summary) in the same JSON the records use.
public enum JSONLine {
    public static func write(_ fields: [Field], into out: inout [UInt8]) {
        var writer = JSONWriter()
        writer.value(.fields(fields), &out)
        out.append(UInt8(ascii: "\n"))
    }
}
