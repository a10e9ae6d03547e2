import CDLMSOpenSSL
import Synchronization

/// One AES-GCM key (16 bytes: AES-128-GCM, security suites 0 and 1; 32 bytes:
/// AES-256-GCM, suite 2) with its OpenSSL contexts, set up once so that a
/// stream of APDUs under the key does not expand the key each time.
///
/// DLMS uses GCM with a 12-byte IV (system title ‖ invocation counter,
/// `CipheringIV`) and truncates the tag to its leftmost 96 bits (Green Book,
/// "the authentication tag ... its length is 12 bytes"; NIST SP 800-38D
/// allows t = 96). Every primitive runs in OpenSSL libcrypto.
///
/// The key bytes are not kept (only OpenSSL's contexts hold the expanded
/// key, and free it with the object); nothing here prints them. The contexts
/// are used under a lock, so one key may be shared between tasks.
public final class AESGCMKey: Sendable {
    /// The length of a DLMS authentication tag (suites 0, 1 and 2).
    public static let tagCount = 12
    /// The length of a DLMS GCM IV: system title (8) ‖ invocation counter (4).
    public static let ivCount = 12

    /// The key length in bytes: 16 or 32.
    public let keyCount: Int
    let contexts: Mutex<AESGCMKeyContexts>

    /// A key of 16 or 32 bytes; any other length throws.
    public init(_ key: [UInt8]) throws(SecurityError) {
        keyCount = key.count
        contexts = Mutex(try AESGCMKeyContexts(key: key))
    }

    /// Encrypts `plaintext` and authenticates `aad` and the ciphertext:
    /// the ciphertext (as long as the plaintext) and the 12-byte tag.
    public func seal(
        plaintext: [UInt8], iv: [UInt8], aad: [UInt8]
    ) throws(SecurityError) -> (ciphertext: [UInt8], tag: [UInt8]) {
        try Self.checkIV(iv)
        return try contexts.withLock { (contexts: inout AESGCMKeyContexts) throws(SecurityError) in
            try contexts.sealer.restart(iv: iv, encrypt: true)
            try contexts.sealer.authenticate(aad)
            guard let ciphertext = try contexts.sealer.update(plaintext) else {
                throw OpenSSLCall.failure("EVP_CipherUpdate (GCM encrypt)")
            }
            guard contexts.sealer.finish() else { throw OpenSSLCall.failure("EVP_CipherFinal_ex (GCM encrypt)") }
            return (ciphertext, try contexts.sealer.gcmTag(count: Self.tagCount))
        }
    }

    /// The plaintext when `tag` (12 bytes) verifies over `aad` and the
    /// ciphertext, else nil. A tag of any other length never verifies (and
    /// never reaches OpenSSL, which would compare only as many bytes as given).
    public func open(ciphertext: [UInt8], iv: [UInt8], aad: [UInt8], tag: [UInt8]) throws(SecurityError) -> [UInt8]? {
        let result = try decrypt(ciphertext: ciphertext, iv: iv, aad: aad, tag: tag)
        return result.authentic ? result.plaintext : nil
    }

    /// Decrypts and reports whether the tag verifies, returning the plaintext
    /// either way: an analyzer shows what an APDU with a bad tag says, marked
    /// as not authentic. Never treat `plaintext` as trusted unless `authentic`.
    ///
    /// The GCM ciphertext does not depend on the tag, so the plaintext of a
    /// failed verification is exactly what the sender encrypted (if the key
    /// and IV are right) or keystream garbage (if they are not).
    public func decrypt(
        ciphertext: [UInt8], iv: [UInt8], aad: [UInt8], tag: [UInt8]
    ) throws(SecurityError) -> (plaintext: [UInt8], authentic: Bool) {
        try Self.checkIV(iv)
        guard tag.count == Self.tagCount else {
            return (try decryptWithoutTag(ciphertext: ciphertext, iv: iv), false)
        }
        return try contexts.withLock { (contexts: inout AESGCMKeyContexts) throws(SecurityError) in
            try contexts.opener.restart(iv: iv, encrypt: false)
            try contexts.opener.authenticate(aad)
            guard let plaintext = try contexts.opener.update(ciphertext) else {
                throw OpenSSLCall.failure("EVP_CipherUpdate (GCM decrypt)")
            }
            try contexts.opener.setGCMTag(tag)
            let authentic = contexts.opener.finish()
            if !authentic { OpenSSLCall.discardErrors() }
            return (plaintext, authentic)
        }
    }

    /// GMAC: the 12-byte GCM tag over `aad` with an empty plaintext (Green
    /// Book: authentication-only protection and HLS mechanism 5).
    public func gmac(iv: [UInt8], aad: [UInt8]) throws(SecurityError) -> [UInt8] {
        try seal(plaintext: [], iv: iv, aad: aad).tag
    }

    /// Whether `tag` is the GMAC of `aad` (constant-time comparison); a tag
    /// that is not 12 bytes never verifies.
    public func verifyGMAC(tag: [UInt8], iv: [UInt8], aad: [UInt8]) throws(SecurityError) -> Bool {
        let expected = try gmac(iv: iv, aad: aad)
        return ConstantTime.equal(tag, expected)
    }

    static func checkIV(_ iv: [UInt8]) throws(SecurityError) {
        guard iv.count == ivCount else {
            throw SecurityError(
                "a DLMS GCM IV is \(ivCount) bytes (system title and invocation counter), not \(iv.count) bytes"
            )
        }
    }
}
