import DLMSAnalysis
import DLMSCore

// A certificate in the JSON `security.certificate` object and in one line
// for XML comments and text.
extension CertificateSummary {
    /// `certificate CN=4D4D4D0000BC614E (serial 01, issuer CN=Lab CA, valid 2024-01-01T00:00:00Z to ...)`.
    var line: String {
        "certificate \(subject) (serial \(serialNumber), issuer \(issuer), valid \(notBefore) to \(notAfter)"
            + (keyUsage.map { ", key usage \($0.joined(separator: " "))" } ?? "") + ")"
    }
}
