import DLMSAnalysis
import DLMSCore

/// A record's APDU alone, for `pdu -T xml`.
public enum APDURendering {
    /// The APDU element (and the comments before it), or nothing when the record has no APDU.
    public static func xml(_ record: Record, options: RenderOptions) -> String {
        var text = ""
        for finding in record.findings {
            XMLNode.comment("\(finding.severity.rawValue) \(finding.code.rawValue): \(finding.message)").write(to: &text, level: 0)
        }
        for node in record.apdu?.xml(options, security: record.security) ?? [] { node.write(to: &text, level: 0) }
        return text
    }
}
