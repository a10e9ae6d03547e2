import CDLMSOpenSSL

/// The two encodings of an ECDSA signature: DLMS sends the raw r ‖ s, each
/// integer left-padded to the field size (spec-notes §4.4) [c03–c06, b06];
/// OpenSSL's EVP signing works with the DER `ECDSA-Sig-Value` SEQUENCE
/// { r INTEGER, s INTEGER } (RFC 3279 §2.2.3). Conversion goes through
/// OpenSSL's `ECDSA_SIG`.
enum ECDSASignature {
    /// The DER form of the raw signature `raw`, or nil when `raw` is not
    /// `curve.signatureCount` bytes or r or s is zero (never a valid signature).
    static func der(raw: [UInt8], curve: ECCurve) throws(SecurityError) -> [UInt8]? {
        guard raw.count == curve.signatureCount else { return nil }
        let half = curve.coordinateCount
        let r = try BigNumber(bytes: Array(raw[..<half]), secret: false)
        let s = try BigNumber(bytes: Array(raw[half...]), secret: false)
        guard !r.isZero, !s.isZero else { return nil }
        guard let signature = ECDSA_SIG_new() else { throw OpenSSLCall.failure("ECDSA_SIG_new") }
        defer { ECDSA_SIG_free(signature) }
        // ECDSA_SIG_set0 takes ownership of the two numbers: hand it duplicates.
        guard let ownedR = BN_dup(r.pointer), let ownedS = BN_dup(s.pointer) else {
            throw OpenSSLCall.failure("BN_dup")
        }
        guard ECDSA_SIG_set0(signature, ownedR, ownedS) == 1 else {
            BN_free(ownedR)
            BN_free(ownedS)
            throw OpenSSLCall.failure("ECDSA_SIG_set0")
        }
        return try DER.encode("i2d_ECDSA_SIG") { i2d_ECDSA_SIG(signature, $0) }
    }

    /// The raw r ‖ s of the DER signature `der`, each left-padded to the field size.
    static func raw(der: [UInt8], curve: ECCurve) throws(SecurityError) -> [UInt8] {
        guard let signature = DER.decode(der, with: { d2i_ECDSA_SIG(nil, $0, $1) }, free: { ECDSA_SIG_free($0) })
        else { throw OpenSSLCall.failure("d2i_ECDSA_SIG") }
        defer { ECDSA_SIG_free(signature) }
        guard let r = ECDSA_SIG_get0_r(signature), let s = ECDSA_SIG_get0_s(signature) else {
            throw SecurityError("OpenSSL returned an ECDSA signature without r or s")
        }
        let half = curve.coordinateCount
        var output = [UInt8](repeating: 0, count: curve.signatureCount)
        let written = output.withUnsafeMutableBufferPointer { buffer -> (Int32, Int32) in
            guard let base = buffer.baseAddress else { return (-1, -1) }
            return (BN_bn2binpad(r, base, Int32(clamping: half)), BN_bn2binpad(s, base + half, Int32(clamping: half)))
        }
        guard written == (Int32(clamping: half), Int32(clamping: half)) else {
            throw SecurityError("an ECDSA signature integer does not fit in \(half) bytes")
        }
        return output
    }
}
