import CDLMSOpenSSL

/// How OpenSSL names the curves, and which curve an OpenSSL key is on.
extension ECCurve {
    /// OpenSSL's numeric id of the curve (the X9.62 / SEC 2 object).
    var nid: Int32 {
        switch self {
        case .p256: NID_X9_62_prime256v1
        case .p384: NID_secp384r1
        }
    }

    /// OpenSSL's group name (the short name of the curve's object).
    var groupName: String {
        switch self {
        case .p256: "prime256v1"
        case .p384: "secp384r1"
        }
    }

    /// The group name as a C string with static storage, for an `OSSL_PARAM`
    /// builder (which keeps the pointer until it builds the array).
    var staticGroupName: UnsafePointer<CChar> {
        switch self {
        case .p256: dlms_group_name_p256()
        case .p384: dlms_group_name_p384()
        }
    }

    /// The curve of an EC `EVP_PKEY`, or nil when the key is not an EC key
    /// on a named P-256 or P-384 group (another algorithm, another curve,
    /// explicit curve parameters).
    init?(evpKey: OpaquePointer) {
        guard EVP_PKEY_is_a(evpKey, "EC") == 1 else { return nil }
        var buffer = [CChar](repeating: 0, count: 80)
        var written = 0
        let status = buffer.withUnsafeMutableBufferPointer {
            EVP_PKEY_get_group_name(evpKey, $0.baseAddress, $0.count, &written)
        }
        guard status == 1, written > 0, written < buffer.count else {
            OpenSSLCall.discardErrors()
            return nil
        }
        let name = String(decoding: buffer.prefix(written).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var nid = OBJ_sn2nid(name)
        if nid == NID_undef { nid = EC_curve_nist2nid(name) }
        guard let curve = Self.allCases.first(where: { $0.nid == nid }) else { return nil }
        self = curve
    }
}
