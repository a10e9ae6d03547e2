import DLMSCore
import DLMSSecurity
import Foundation

// Certificates from the keys file, judged when a signature check or a key
// agreement uses them (Green Book, suites 1 and 2: certificates follow
// RFC 5280; the subject's common name holds the system title).
extension SecurityStage {
    /// Findings (once per certificate and problem) when `signer`'s certificate is outside its
    /// validity at the packet's time, may not be used for `usage`, or names another title.
    mutating func checkCertificate(
        of signer: AsymmetricKeySet, title: [UInt8], usage: CertificateKeyUsage, at place: SecurityPlace,
        findings: inout [Finding]
    ) {
        guard let certificate = signer.certificate else { return }
        for problem in Self.problems(of: certificate, title: title, usage: usage, at: place.time) {
            let key = certificate.sha256Fingerprint + problem.code.rawValue
            guard !reportedCertificateProblems.contains(key) else { continue }
            if reportedCertificateProblems.count < Self.maxAssociations { reportedCertificateProblems.insert(key) }
            findings.append(Finding(problem.code, problem.message, packet: place.packet))
        }
    }

    /// What is wrong with `certificate` for a party with `title` using it for `usage` at `time`.
    static func problems(
        of certificate: X509Certificate, title: [UInt8]?, usage: CertificateKeyUsage?, at time: Timestamp?
    ) -> [(code: Finding.Code, message: String)] {
        var problems: [(Finding.Code, String)] = []
        let name = "certificate \(certificate.subject) (serial \(certificate.serialNumber))"
        let date = time.map { Date(timeIntervalSince1970: TimeInterval($0.seconds)) } ?? Date()
        let when = time == nil ? "now" : "at capture time"
        if date > certificate.notAfter {
            problems.append((.certificateExpired, "\(name) expired \(CertificateSummary.rfc3339(certificate.notAfter)), before its use \(when)"))
        } else if date < certificate.notBefore {
            problems.append((.certificateExpired, "\(name) is not valid before \(CertificateSummary.rfc3339(certificate.notBefore)), after its use \(when)"))
        }
        if let usage, let granted = certificate.keyUsage, !granted.contains(usage) {
            let wanted = CertificateSummary.names(usage).joined(separator: ", ")
            let has = CertificateSummary.names(granted).joined(separator: ", ")
            problems.append((.certificateKeyUsage, "\(name) is used for \(wanted) but its key usage allows only \(has.isEmpty ? "nothing" : has)"))
        }
        if let title, let named = certificate.systemTitle, named != title {
            problems.append((
                .certificateSystemTitleMismatch,
                "\(name) names system title \(Hex.encode(named)) but is used for \(Hex.encode(title))"
            ))
        }
        return problems
    }
}
