import DLMSAnalysis
import DLMSCore

/// The closing line of `--summary` for one input: what it held and what came of it.
struct FileSummary: Sendable {
    var file: String
    /// Why the input could not be read at all; nil when it was.
    var error: String?
    var records = 0
    /// APDU, ciphered and decrypted counts, tag and signature verdicts, as `verify` counts them.
    var counts = ConformanceCounts()
    /// APDUs by type (the plaintext's type for an opened envelope).
    var apduTypes: [String: Int] = [:]
    var findings: [Finding.Severity: Int] = [:]

    init(file: String, error: String? = nil) {
        self.file = file
        self.error = error
    }

    mutating func add(_ record: Record) {
        records += 1
        counts.add(record)
        if let apdu = record.apdu { apduTypes[apdu.typeName, default: 0] += 1 }
        for finding in record.findings { findings[finding.severity, default: 0] += 1 }
    }
}
