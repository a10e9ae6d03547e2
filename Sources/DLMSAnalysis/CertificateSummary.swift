import DLMSCore
import DLMSSecurity
import Foundation

/// What a record shows of an X.509 certificate that a signature check or an association used,
/// or that a Security setup method carried: who it names, who issued it, when it is valid, what
/// its key may do, and the DLMS system title in its subject.
public struct CertificateSummary: Sendable, Hashable {
    public var subject: String
    public var issuer: String
    public var serialNumber: String
    /// RFC 3339 UTC.
    public var notBefore: String
    public var notAfter: String
    /// Key usage names (`digitalSignature`, `keyAgreement`, ...); nil when the extension is absent.
    public var keyUsage: [String]?
    /// The 8-byte system title in the subject's common name, in hex.
    public var systemTitle: String?
    public var publicKeyCurve: String?
    public var sha256Fingerprint: String

    public init(_ certificate: X509Certificate) {
        subject = certificate.subject
        issuer = certificate.issuer
        serialNumber = certificate.serialNumber
        notBefore = Self.rfc3339(certificate.notBefore)
        notAfter = Self.rfc3339(certificate.notAfter)
        keyUsage = certificate.keyUsage.map(Self.names)
        systemTitle = certificate.systemTitle.map { Hex.encode($0) }
        publicKeyCurve = certificate.publicKey?.curve.description
        sha256Fingerprint = certificate.sha256Fingerprint
    }

    /// The summary as fields (the JSON `certificate` object).
    public var fields: [Field] {
        var fields: [Field] = [
            .text("subject", subject), .text("issuer", issuer), .text("serialNumber", serialNumber),
            .text("notBefore", notBefore), .text("notAfter", notAfter),
        ]
        if let keyUsage { fields.append(Field("keyUsage", .list(keyUsage.map { .text($0) }))) }
        if let systemTitle { fields.append(.text("systemTitle", systemTitle)) }
        if let publicKeyCurve { fields.append(.text("publicKeyCurve", publicKeyCurve)) }
        fields.append(.text("sha256Fingerprint", sha256Fingerprint))
        return fields
    }

    static func names(_ usage: CertificateKeyUsage) -> [String] {
        let all: [(CertificateKeyUsage, String)] = [
            (.digitalSignature, "digitalSignature"), (.nonRepudiation, "nonRepudiation"),
            (.keyEncipherment, "keyEncipherment"), (.dataEncipherment, "dataEncipherment"),
            (.keyAgreement, "keyAgreement"), (.keyCertSign, "keyCertSign"), (.cRLSign, "cRLSign"),
        ]
        return all.filter { usage.contains($0.0) }.map(\.1)
    }

    static func rfc3339(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
