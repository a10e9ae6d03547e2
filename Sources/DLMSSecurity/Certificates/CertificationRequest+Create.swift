import CDLMSOpenSSL

/// Creating certification requests, for sample and test material.
extension CertificationRequest {
    /// A PKCS#10 request for `key`'s public key with subject CN
    /// `subjectCommonName`, signed by `key` with the suite's hash.
    public static func create(
        subjectCommonName: String, subjectOrganization: String? = nil, key: ECPrivateKey
    ) throws(SecurityError) -> CertificationRequest {
        let request = try X509RequestHandle()
        let signingKey = try key.evpKey()
        try OpenSSLCall.check(X509_REQ_set_version(request.pointer, 0), "X509_REQ_set_version")
        let name = try X509NameText.make(commonName: subjectCommonName, organization: subjectOrganization)
        defer { X509_NAME_free(name) }
        try OpenSSLCall.check(X509_REQ_set_subject_name(request.pointer, name), "X509_REQ_set_subject_name")
        try OpenSSLCall.check(X509_REQ_set_pubkey(request.pointer, signingKey.pointer), "X509_REQ_set_pubkey")
        guard X509_REQ_sign(request.pointer, signingKey.pointer, key.curve.digest.evpMD) > 0 else {
            throw OpenSSLCall.failure("X509_REQ_sign")
        }
        return CertificationRequest(handle: request, der: try request.der())
    }

    /// The PEM text ("-----BEGIN CERTIFICATE REQUEST-----").
    public func pem() throws(SecurityError) -> String {
        let handle = try X509RequestHandle(der: der)
        let bio = try OpenSSLBIO(memorySecure: false)
        try OpenSSLCall.check(PEM_write_bio_X509_REQ(bio.pointer, handle.pointer), "PEM_write_bio_X509_REQ")
        return String(decoding: bio.memoryContents(), as: UTF8.self)
    }
}
