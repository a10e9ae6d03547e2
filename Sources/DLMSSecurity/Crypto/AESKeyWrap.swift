import CDLMSOpenSSL

/// AES key wrap (RFC 3394) through OpenSSL's `EVP_aes_128_wrap` /
/// `EVP_aes_256_wrap` with the default IV A6A6A6A6A6A6A6A6: the Security
/// setup key_transfer method wraps new global keys under the master key
/// (KEK), and general-ciphering's wrapped-key key-info carries a wrapped
/// key (Green Book, key transport; spec-notes §4.4, §4.5). A 16-byte KEK
/// is suites 0 and 1, a 32-byte KEK suite 2.
public enum AESKeyWrap {
    /// The RFC 3394 wrapping of `key` (a multiple of 8 bytes, at least 16)
    /// under `kek` (16 or 32 bytes): 8 bytes longer than the key.
    public static func wrap(_ key: [UInt8], kek: [UInt8]) throws(SecurityError) -> [UInt8] {
        guard key.count >= 16, key.count % 8 == 0 else {
            throw SecurityError("AES key wrap takes a key of 16 or more bytes in 8-byte blocks, not \(key.count) bytes")
        }
        let context = try context(kek: kek, encrypt: true)
        guard let wrapped = try context.update(key, extraCapacity: 8), context.finish(),
              wrapped.count == key.count + 8
        else { throw OpenSSLCall.failure("EVP_CipherUpdate (AES key wrap)") }
        return wrapped
    }

    /// The key inside `wrapped` when its RFC 3394 integrity check holds under
    /// `kek`, else nil (a wrong KEK or damaged data); a wrapped value that
    /// cannot be an RFC 3394 output (not 8-byte blocks, shorter than 24
    /// bytes) is nil as well. A KEK that is not 16 or 32 bytes throws.
    public static func unwrap(_ wrapped: [UInt8], kek: [UInt8]) throws(SecurityError) -> [UInt8]? {
        let context = try context(kek: kek, encrypt: false)
        guard wrapped.count >= 24, wrapped.count % 8 == 0 else { return nil }
        guard let key = try context.update(wrapped, extraCapacity: 8), context.finish(),
              key.count == wrapped.count - 8
        else {
            OpenSSLCall.discardErrors()
            return nil
        }
        return key
    }

    private static func context(kek: [UInt8], encrypt: Bool) throws(SecurityError) -> EVPCipherContext {
        let cipher: OpaquePointer?
        switch kek.count {
        case 16: cipher = EVP_aes_128_wrap()
        case 32: cipher = EVP_aes_256_wrap()
        default: throw SecurityError("an AES key-wrap KEK is 16 or 32 bytes, not \(kek.count) bytes")
        }
        return try EVPCipherContext(
            cipher: cipher, name: "AES-\(kek.count * 8) key wrap", key: kek, encrypt: encrypt, allowWrap: true
        )
    }
}
