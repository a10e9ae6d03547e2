import CDLMSOpenSSL
import Synchronization

/// Encryption without authentication (security control bit 5 alone): the
/// APDU carries no tag, so there is nothing for GCM to verify. GCM's
/// encryption is its GCTR function, AES in counter mode starting at
/// inc32(J0) (NIST SP 800-38D §7.1); with a 96-bit IV, J0 = IV ‖ 00000001,
/// so the first counter block is IV ‖ 00000002.
///
/// This runs OpenSSL's AES-CTR from that counter block rather than a GCM
/// decryption left unfinalised: it says what it does (no tag, no GHASH work,
/// no half-finished GCM state to reset), and it is what the independent
/// check in the shared vectors does. GCTR increments only the low 32 bits
/// of the counter block, OpenSSL's CTR all 128; the two differ only after
/// 2^32 − 2 blocks (64 GiB), far beyond the `int` length one call accepts,
/// so for every accepted input they are the same keystream.
extension AESGCMKey {
    /// The plaintext of an encryption-only ciphertext (no tag): identical to
    /// the plaintext a GCM decryption gives for the same key and IV.
    public func decryptWithoutTag(ciphertext: [UInt8], iv: [UInt8]) throws(SecurityError) -> [UInt8] {
        try applyKeystream(ciphertext, iv: iv)
    }

    /// The encryption-only ciphertext of `plaintext`: identical to the
    /// ciphertext part of `seal` for the same key and IV (whatever the AAD).
    public func encryptWithoutTag(plaintext: [UInt8], iv: [UInt8]) throws(SecurityError) -> [UInt8] {
        try applyKeystream(plaintext, iv: iv)
    }

    private func applyKeystream(_ text: [UInt8], iv: [UInt8]) throws(SecurityError) -> [UInt8] {
        try Self.checkIV(iv)
        let counterBlock = iv + [0x00, 0x00, 0x00, 0x02]
        return try contexts.withLock { (contexts: inout AESGCMKeyContexts) throws(SecurityError) in
            try contexts.keystream.restart(iv: counterBlock, encrypt: true)
            guard let output = try contexts.keystream.update(text) else {
                throw OpenSSLCall.failure("EVP_CipherUpdate (AES-CTR)")
            }
            return output
        }
    }
}
