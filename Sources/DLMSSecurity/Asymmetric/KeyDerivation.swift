import CDLMSOpenSSL

/// The suite 1/2 key derivation function: the NIST SP 800-56A (rev. 2,
/// §5.8.1) concatenation KDF, K = Hash(00000001 ‖ Z ‖ OtherInfo) ‖
/// Hash(00000002 ‖ Z ‖ OtherInfo) ‖ … truncated, with SHA-256 (suite 1) or
/// SHA-384 (suite 2), and OtherInfo = AlgorithmID ‖ PartyUInfo ‖ PartyVInfo
/// without length prefixes (Green Book, key agreement; spec-notes §4.4)
/// [c09, c10, c15]. The KDF is OpenSSL's "SSKDF" (SP 800-56C single-step
/// KDF, hash variant), which computes exactly this.
public enum KeyDerivation {
    /// The first `count` bytes of the concatenation KDF of `sharedSecret` (Z)
    /// and `otherInfo` with `digest`.
    public static func concatenation(
        digest: Digest, sharedSecret: [UInt8], otherInfo: [UInt8], count: Int
    ) throws(SecurityError) -> [UInt8] {
        guard !sharedSecret.isEmpty else { throw SecurityError("the KDF needs a shared secret Z") }
        guard count > 0, count <= 1 << 16 else { throw SecurityError("the KDF cannot produce \(count) bytes") }
        guard let algorithm = EVP_KDF_fetch(nil, "SSKDF", nil) else {
            throw OpenSSLCall.failure("EVP_KDF_fetch (SSKDF)")
        }
        defer { EVP_KDF_free(algorithm) }
        guard let context = EVP_KDF_CTX_new(algorithm) else { throw OpenSSLCall.failure("EVP_KDF_CTX_new") }
        defer { EVP_KDF_CTX_free(context) }

        var digestName = Array(digest.openSSLName.utf8CString)
        var secret = sharedSecret
        var info = otherInfo.isEmpty ? [0] : otherInfo
        var output = [UInt8](repeating: 0, count: count)
        let status = digestName.withUnsafeMutableBufferPointer { name in
            secret.withUnsafeMutableBytes { secretBytes in
                info.withUnsafeMutableBytes { infoBytes in
                    var parameters = [
                        OSSL_PARAM_construct_utf8_string(dlms_param_kdf_digest(), name.baseAddress, 0),
                        OSSL_PARAM_construct_octet_string(
                            dlms_param_kdf_key(), secretBytes.baseAddress, secretBytes.count
                        ),
                    ]
                    if !otherInfo.isEmpty {
                        parameters.append(
                            OSSL_PARAM_construct_octet_string(dlms_param_kdf_info(), infoBytes.baseAddress, infoBytes.count)
                        )
                    }
                    parameters.append(OSSL_PARAM_construct_end())
                    return output.withUnsafeMutableBufferPointer { out in
                        parameters.withUnsafeBufferPointer { list in
                            EVP_KDF_derive(context, out.baseAddress, out.count, list.baseAddress)
                        }
                    }
                }
            }
        }
        // Z is secret: clear the copy handed to OpenSSL.
        for index in secret.indices { secret[index] = 0 }
        try OpenSSLCall.check(status, "EVP_KDF_derive (SSKDF, \(digest.openSSLName))")
        return output
    }

    /// OtherInfo = AlgorithmID ‖ PartyUInfo ‖ `between` ‖ PartyVInfo. PartyU is
    /// the originator (One-Pass DH) or the client (Ephemeral Unified Model),
    /// PartyV the recipient or the server; the titles come from the
    /// association, never from fixed roles [c09 notes]. `between` is empty
    /// except for Static Unified Model as one implementation does it (the
    /// transaction id with its length byte; spec-notes §4.4, marked check).
    public static func otherInfo(
        algorithm: KeyDerivationAlgorithm, partyU: [UInt8], partyV: [UInt8], between: [UInt8] = []
    ) -> [UInt8] {
        algorithm.algorithmID + partyU + between + partyV
    }

    /// The suite's AES-GCM ciphering key from the ECDH secret Z: P-256 →
    /// SHA-256, aes-gcm-128, 16 bytes [c09, c10]; P-384 → SHA-384,
    /// aes-gcm-256, 32 bytes [c15].
    public static func cipheringKey(
        curve: ECCurve, sharedSecret: [UInt8], partyU: [UInt8], partyV: [UInt8], between: [UInt8] = []
    ) throws(SecurityError) -> [UInt8] {
        let algorithm = KeyDerivationAlgorithm(cipheringKeyOf: curve)
        return try concatenation(
            digest: curve.digest,
            sharedSecret: sharedSecret,
            otherInfo: otherInfo(algorithm: algorithm, partyU: partyU, partyV: partyV, between: between),
            count: algorithm.keyCount
        )
    }
}
