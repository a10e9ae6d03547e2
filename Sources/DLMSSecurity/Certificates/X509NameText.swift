import CDLMSOpenSSL

/// Text of an OpenSSL `X509_NAME` (a certificate's or request's subject or
/// issuer): the RFC 2253 one-line form and single attributes, as UTF-8.
enum X509NameText {
    /// The RFC 2253 form ("CN=4D4D4D0000BC614E,O=Example"), UTF-8 kept as
    /// UTF-8; empty when the name cannot be printed.
    static func rfc2253(_ name: OpaquePointer?) -> String {
        guard let name, let bio = try? OpenSSLBIO(memorySecure: false) else { return "" }
        guard X509_NAME_print_ex(bio.pointer, name, 0, dlms_x509_name_flags_rfc2253_utf8()) >= 0 else {
            OpenSSLCall.discardErrors()
            return ""
        }
        return String(decoding: bio.memoryContents(), as: UTF8.self)
    }

    /// The last value of attribute `nid` (the most specific RDN), as UTF-8;
    /// nil when the name has none.
    static func attribute(_ nid: Int32, of name: OpaquePointer?) -> String? {
        guard let name else { return nil }
        var index: Int32 = -1
        var last: Int32 = -1
        while true {
            index = X509_NAME_get_index_by_NID(name, nid, index)
            if index < 0 { break }
            last = index
        }
        guard last >= 0, let entry = X509_NAME_get_entry(name, last),
              let data = X509_NAME_ENTRY_get_data(entry)
        else { return nil }
        var text: UnsafeMutablePointer<UInt8>?
        let count = ASN1_STRING_to_UTF8(&text, data)
        guard count >= 0, let text else {
            OpenSSLCall.discardErrors()
            return nil
        }
        defer { dlms_openssl_free(text) }
        return String(decoding: UnsafeBufferPointer(start: text, count: Int(count)), as: UTF8.self)
    }

    /// A new name with the common name `commonName` and optionally an
    /// organization (before the CN, as names are usually ordered).
    static func make(commonName: String, organization: String?) throws(SecurityError) -> OpaquePointer {
        guard let name = X509_NAME_new() else { throw OpenSSLCall.failure("X509_NAME_new") }
        var entries: [(Int32, String)] = []
        if let organization { entries.append((NID_organizationName, organization)) }
        entries.append((NID_commonName, commonName))
        for (nid, value) in entries {
            let bytes = Array(value.utf8)
            guard !bytes.isEmpty, let length = Int32(exactly: bytes.count) else {
                X509_NAME_free(name)
                throw SecurityError("a name attribute must not be empty")
            }
            let status = bytes.withUnsafeBufferPointer {
                X509_NAME_add_entry_by_NID(name, nid, dlms_mbstring_utf8(), $0.baseAddress, length, -1, 0)
            }
            guard status == 1 else {
                let error = OpenSSLCall.failure("X509_NAME_add_entry_by_NID")
                X509_NAME_free(name)
                throw error
            }
        }
        return name
    }
}
