/// ECDSA verification (FIPS 186-4) with the suite's hash: P-256 with
/// SHA-256, P-384 with SHA-384 (spec-notes §4.1, §4.4). DLMS signs with it
/// in HLS mechanism 7 [b06], general-signing, and the signature over an
/// ephemeral key in key agreement [c03–c05].
extension ECPublicKey {
    /// Whether `signature` (raw r ‖ s, `curve.signatureCount` bytes) is a
    /// valid ECDSA signature of `message` under this key. A signature of
    /// another length, or with r or s zero or out of range, is false; only a
    /// failure to run the check at all throws.
    ///
    /// The message is what was signed, hashed here: for an ephemeral key in
    /// key agreement the Green Book signs key-id ‖ key in one example [c03]
    /// and the bare key in another [c04, c05], so callers try both.
    public func isValidSignature(_ signature: [UInt8], for message: [UInt8]) throws(SecurityError) -> Bool {
        guard let der = try ECDSASignature.der(raw: signature, curve: curve) else { return false }
        let key = try evpKey()
        let context = try EVPDigestContext()
        return try context.verify(der, of: message, key: key, digest: curve.digest)
    }
}
