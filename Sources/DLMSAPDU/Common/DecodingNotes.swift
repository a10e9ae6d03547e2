import DLMSCore

/// Problems an APDU decoder works around without failing (a real meter's
/// quirk, a non-canonical encoding): they become findings of the record.
/// Offsets are absolute (`ByteReader.position`).
public struct DecodingNotes: Sendable {
    public private(set) var findings: [Finding] = []

    public init() {}

    public mutating func note(_ code: Finding.Code, _ message: String, at offset: Int, severity: Finding.Severity? = nil) {
        findings.append(Finding(code, message, severity: severity, offset: offset))
    }

    /// A problem that was recovered from: reported as a warning whatever the code's default.
    public mutating func warn(_ code: Finding.Code, _ message: String, at offset: Int) {
        note(code, message, at: offset, severity: .warning)
    }
}
