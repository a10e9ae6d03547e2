import DLMSAnalysis
import DLMSCore
import DLMSSecurity

/// The closing line of `--summary` for one input: what it held and what came of it.
struct FileSummary: Sendable {
    var file: String
    /// Why the input could not be read at all; nil when it was.
    var error: String?
    var records = 0
    var apdus = 0
    /// APDUs by type (the plaintext's type for an opened envelope).
    var apduTypes: [String: Int] = [:]
    var ciphered = 0
    var decrypted = 0
    var tags: [TagVerdict: Int] = [:]
    var signatures: [SecurityInfo.SignatureVerdict: Int] = [:]
    var findings: [Finding.Severity: Int] = [:]

    init(file: String, error: String? = nil) {
        self.file = file
        self.error = error
    }

    mutating func add(_ record: Record) {
        records += 1
        if let apdu = record.apdu {
            apdus += 1
            apduTypes[apdu.typeName, default: 0] += 1
        }
        if let security = record.security {
            ciphered += 1
            if security.decrypted { decrypted += 1 }
            tags[security.tag, default: 0] += 1
            if let signature = security.signature { signatures[signature, default: 0] += 1 }
        }
        for finding in record.findings { findings[finding.severity, default: 0] += 1 }
    }

    /// The share of APDUs that came ciphered, in percent with one decimal.
    var cipheredPercent: Double { apdus == 0 ? 0 : (Double(ciphered) * 1000 / Double(apdus)).rounded() / 10 }
}
