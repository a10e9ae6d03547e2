import CDLMSOpenSSL
import Foundation

/// Issuing certificates, for the sample and test material (the analyzer
/// itself only reads them): an X.509 v3 certificate in the shape DLMS uses
/// (Green Book, public key certificates): the system title as the subject
/// CN, basic constraints and key usage marked critical, subject and
/// authority key identifiers, ECDSA with the issuer suite's hash.
extension X509Certificate {
    /// A certificate for `publicKey`, signed by `issuerKey` with
    /// ecdsa-with-SHA256 (P-256 issuer key) or ecdsa-with-SHA384 (P-384).
    /// When `issuerKey` is the key pair of `publicKey` the certificate is
    /// self-signed and its issuer name repeats the subject's organization.
    public static func issue(
        subjectCommonName: String,
        subjectOrganization: String? = nil,
        publicKey: ECPublicKey,
        issuerCommonName: String,
        issuerOrganization: String? = nil,
        issuerKey: ECPrivateKey,
        serialNumber: UInt64,
        notBefore: Date,
        notAfter: Date,
        keyUsage: CertificateKeyUsage,
        isCA: Bool
    ) throws(SecurityError) -> X509Certificate {
        guard notBefore <= notAfter else { throw SecurityError("a certificate's notBefore is after its notAfter") }
        let isSelfSigned = issuerKey.publicKey == publicKey
        let subjectKey = try publicKey.evpKey()
        let signingKey = try issuerKey.evpKey()
        let certificate = try X509Handle()
        let x509 = certificate.pointer

        try OpenSSLCall.check(X509_set_version(x509, 2), "X509_set_version")
        try OpenSSLCall.check(ASN1_INTEGER_set_uint64(X509_get_serialNumber(x509), serialNumber), "ASN1_INTEGER_set_uint64")
        let subjectName = try X509NameText.make(commonName: subjectCommonName, organization: subjectOrganization)
        defer { X509_NAME_free(subjectName) }
        let issuerName = try X509NameText.make(
            commonName: issuerCommonName, organization: isSelfSigned ? subjectOrganization : issuerOrganization
        )
        defer { X509_NAME_free(issuerName) }
        try OpenSSLCall.check(X509_set_subject_name(x509, subjectName), "X509_set_subject_name")
        try OpenSSLCall.check(X509_set_issuer_name(x509, issuerName), "X509_set_issuer_name")
        guard ASN1_TIME_set(X509_getm_notBefore(x509), try timeT(notBefore)) != nil,
              ASN1_TIME_set(X509_getm_notAfter(x509), try timeT(notAfter)) != nil
        else { throw OpenSSLCall.failure("ASN1_TIME_set") }
        try OpenSSLCall.check(X509_set_pubkey(x509, subjectKey.pointer), "X509_set_pubkey")

        try addExtension(NID_basic_constraints, isCA ? "critical,CA:TRUE" : "critical,CA:FALSE", to: x509)
        if !keyUsage.isEmpty {
            let names = CertificateKeyUsage.named.filter { keyUsage.contains($0.0) }.map(\.1)
            try addExtension(NID_key_usage, "critical," + names.joined(separator: ","), to: x509)
        }
        try addExtension(NID_subject_key_identifier, "hash", to: x509)
        if isSelfSigned {
            try addExtension(NID_authority_key_identifier, "keyid:always", to: x509, issuer: x509)
        } else {
            // The authority key identifier is the issuer's subject key
            // identifier, which OpenSSL reads from an issuer certificate: a
            // stand-in carrying only the issuer's public key provides it.
            let standIn = try X509Handle()
            let issuerPublic = try issuerKey.publicKey.evpKey()
            try OpenSSLCall.check(X509_set_pubkey(standIn.pointer, issuerPublic.pointer), "X509_set_pubkey")
            try addExtension(NID_subject_key_identifier, "hash", to: standIn.pointer)
            try addExtension(NID_authority_key_identifier, "keyid:always", to: x509, issuer: standIn.pointer)
        }

        guard X509_sign(x509, signingKey.pointer, issuerKey.curve.digest.evpMD) > 0 else {
            throw OpenSSLCall.failure("X509_sign")
        }
        return try X509Certificate(handle: certificate, der: certificate.der())
    }

    private static func addExtension(
        _ nid: Int32, _ value: String, to certificate: OpaquePointer, issuer: OpaquePointer? = nil
    ) throws(SecurityError) {
        guard let created = dlms_x509v3_extension(issuer, certificate, nil, nid, value) else {
            throw OpenSSLCall.failure("X509V3_EXT_nconf_nid (\(value))")
        }
        defer { X509_EXTENSION_free(created) }
        try OpenSSLCall.check(X509_add_ext(certificate, created, -1), "X509_add_ext")
    }

    private static func timeT(_ date: Date) throws(SecurityError) -> time_t {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        guard let value = time_t(exactly: seconds) else { throw SecurityError("date \(date) is out of range") }
        return value
    }
}
