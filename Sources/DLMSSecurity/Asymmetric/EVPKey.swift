import CDLMSOpenSSL

/// Owns one OpenSSL `EVP_PKEY` holding an EC key, built for one operation
/// (a signature, a verification, a key agreement, an encoding) from the
/// bytes `ECPublicKey` and `ECPrivateKey` keep, or read from PEM / DER and
/// turned into those bytes. Noncopyable, so exactly one owner frees it.
struct EVPKey: ~Copyable {
    let pointer: OpaquePointer

    /// Takes ownership of an `EVP_PKEY` OpenSSL allocated for the caller.
    init(taking pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit {
        EVP_PKEY_free(pointer)
    }

    /// An EC key on `curve` with the public point `point` (x ‖ y, already
    /// validated) and, for a key pair, the private scalar `scalar` (a
    /// `BIGNUM` the caller owns and keeps alive for the call).
    init(curve: ECCurve, point: [UInt8], scalar: OpaquePointer?) throws(SecurityError) {
        guard let builder = OSSL_PARAM_BLD_new() else { throw OpenSSLCall.failure("OSSL_PARAM_BLD_new") }
        defer { OSSL_PARAM_BLD_free(builder) }
        let encoded = [0x04] + point
        // The builder keeps the octet-string pointer until OSSL_PARAM_BLD_to_param,
        // so the parameters are built inside the closure that lends it.
        let parameters = encoded.withUnsafeBytes { bytes -> UnsafeMutablePointer<OSSL_PARAM>? in
            guard OSSL_PARAM_BLD_push_utf8_string(builder, dlms_param_group_name(), curve.staticGroupName, 0) == 1,
                  OSSL_PARAM_BLD_push_octet_string(builder, dlms_param_public_key(), bytes.baseAddress, bytes.count) == 1
            else { return nil }
            if let scalar, OSSL_PARAM_BLD_push_BN(builder, dlms_param_private_key(), scalar) != 1 {
                return nil
            }
            return OSSL_PARAM_BLD_to_param(builder)
        }
        guard let parameters else { throw OpenSSLCall.failure("OSSL_PARAM_BLD (EC key)") }
        defer { OSSL_PARAM_free(parameters) }

        guard let context = EVP_PKEY_CTX_new_from_name(nil, dlms_key_type_ec(), nil) else {
            throw OpenSSLCall.failure("EVP_PKEY_CTX_new_from_name (EC)")
        }
        defer { EVP_PKEY_CTX_free(context) }
        try OpenSSLCall.check(EVP_PKEY_fromdata_init(context), "EVP_PKEY_fromdata_init")
        let selection = scalar == nil ? dlms_evp_pkey_selection_public_key() : dlms_evp_pkey_selection_keypair()
        var key: OpaquePointer?
        let status = EVP_PKEY_fromdata(context, &key, selection, parameters)
        guard status == 1, let key else { throw OpenSSLCall.failure("EVP_PKEY_fromdata (\(curve) key)") }
        pointer = key
    }

    /// The curve of the key; throws for a key that is not EC on P-256 or P-384.
    func curve() throws(SecurityError) -> ECCurve {
        guard let curve = ECCurve(evpKey: pointer) else {
            throw SecurityError("the key is not an EC key on P-256 or P-384")
        }
        return curve
    }

    /// The public point x ‖ y, each coordinate left-padded to the field size.
    func publicPoint(curve: ECCurve) throws(SecurityError) -> [UInt8] {
        let x = try bigNumber(dlms_param_ec_public_x(), "public x")
        let y = try bigNumber(dlms_param_ec_public_y(), "public y")
        return try x.bytes(paddedTo: curve.coordinateCount) + y.bytes(paddedTo: curve.coordinateCount)
    }

    /// The private scalar, left-padded to the field size; throws for a public key.
    func privateScalar(curve: ECCurve) throws(SecurityError) -> [UInt8] {
        try bigNumber(dlms_param_private_key(), "private key").bytes(paddedTo: curve.scalarCount)
    }

    private func bigNumber(_ name: UnsafePointer<CChar>, _ what: String) throws(SecurityError) -> BigNumber {
        var number: OpaquePointer?
        let status = EVP_PKEY_get_bn_param(pointer, name, &number)
        guard status == 1, let number else {
            if let number { BN_clear_free(number) }
            throw OpenSSLCall.failure("EVP_PKEY_get_bn_param (\(what))")
        }
        return BigNumber(taking: number)
    }
}
