/// ECDSA signing and ECDH key agreement with a suite 1/2 private key
/// (Green Book, HLS mechanism 7, general-signing, key agreement;
/// spec-notes §4.3, §4.4).
extension ECPrivateKey {
    /// The ECDSA signature of `message` with the suite's hash (SHA-256 on
    /// P-256, SHA-384 on P-384), as DLMS sends it: raw r ‖ s, each left-padded
    /// to the field size (`curve.signatureCount` bytes) [b06]. The nonce is
    /// random (OpenSSL 3.0 has no RFC 6979 deterministic ECDSA), so two
    /// signatures of one message differ; check them by verification.
    public func signature(for message: [UInt8]) throws(SecurityError) -> [UInt8] {
        let key = try evpKey()
        let context = try EVPDigestContext()
        let der = try context.sign(message, key: key, digest: curve.digest)
        return try ECDSASignature.raw(der: der, curve: curve)
    }

    /// The ECDH shared secret Z with `peer`: the x coordinate of d·Q_peer,
    /// `curve.coordinateCount` bytes (SP 800-56A ECC CDH; spec-notes §4.4)
    /// [c07, c08, c10, c15]. Throws when the peer's curve differs.
    public func sharedSecret(with peer: ECPublicKey) throws(SecurityError) -> [UInt8] {
        guard peer.curve == curve else {
            throw SecurityError("ECDH needs both keys on one curve, not \(curve) and \(peer.curve)")
        }
        let key = try evpKey()
        let peerKey = try peer.evpKey()
        let context = try EVPKeyContext(key: key)
        let secret = try context.derive(peer: peerKey)
        guard secret.count == curve.coordinateCount else {
            throw SecurityError("OpenSSL returned a \(secret.count)-byte \(curve) shared secret")
        }
        return secret
    }
}
