import DLMSCore
import DLMSSecurity
import Testing

/// RFC 3394 AES key wrap (c13: RFC 3394 §4.1, c14: §4.3) and unwrap with
/// its integrity check.
@Suite struct CryptoKeyWrapTests {
    @Test(arguments: ["c13-aes-key-wrap-128", "c14-aes-key-wrap-256-kek"])
    func wrapAndUnwrapTheVectors(id: String) throws {
        let vector = try CryptoFixtures.vector(id)
        let kek = try vector.input("kek")
        let key = try vector.input("key")
        let wrapped = try vector.expect("wrapped")
        #expect(try AESKeyWrap.wrap(key, kek: kek) == wrapped)
        #expect(try AESKeyWrap.unwrap(wrapped, kek: kek) == key)
    }

    /// RFC 3394 §4.6: a 256-bit key under a 256-bit KEK.
    @Test func wrapsA256BitKey() throws {
        let kek = Array(UInt8(0x00)...UInt8(0x1F))
        let key = try CryptoFixtures.hex("00112233445566778899AABBCCDDEEFF000102030405060708090A0B0C0D0E0F")
        let wrapped = try CryptoFixtures.hex(
            "28C9F404C4B810F4 CBCCB35CFB87F826 3F5786E2D80ED326 CBC7F0E71A99F43B FB988B9B7A02DD21"
        )
        #expect(try AESKeyWrap.wrap(key, kek: kek) == wrapped)
        #expect(try AESKeyWrap.unwrap(wrapped, kek: kek) == key)
    }

    @Test(arguments: [0, 5, 63, 64, 191])
    func damagedWrappedKeyFailsTheIntegrityCheck(bit: Int) throws {
        let vector = try CryptoFixtures.vector("c13-aes-key-wrap-128")
        let damaged = CryptoFixtures.flipping(try vector.expect("wrapped"), bit: bit)
        #expect(try AESKeyWrap.unwrap(damaged, kek: try vector.input("kek")) == nil)
    }

    @Test func wrongKEKFailsTheIntegrityCheck() throws {
        let vector = try CryptoFixtures.vector("c13-aes-key-wrap-128")
        let kek = CryptoFixtures.flipping(try vector.input("kek"), bit: 100)
        #expect(try AESKeyWrap.unwrap(try vector.expect("wrapped"), kek: kek) == nil)
        // A KEK of the other size is a different cipher: no crash, no key.
        #expect(try AESKeyWrap.unwrap(try vector.expect("wrapped"), kek: Array(repeating: 0, count: 32)) == nil)
    }

    @Test(arguments: [0, 8, 16, 23, 25, 31])
    func impossibleWrappedLengthsUnwrapToNothing(count: Int) throws {
        #expect(try AESKeyWrap.unwrap([UInt8](repeating: 0xA6, count: count), kek: CryptoFixtures.greenBookEK) == nil)
    }

    @Test(arguments: [0, 8, 15, 17, 24, 33])
    func kekSizesOtherThan16Or32Throw(count: Int) throws {
        let kek = [UInt8](repeating: 7, count: count)
        #expect(throws: SecurityError.self) { try AESKeyWrap.wrap(CryptoFixtures.greenBookAK, kek: kek) }
        #expect(throws: SecurityError.self) { try AESKeyWrap.unwrap(Array(repeating: 0, count: 24), kek: kek) }
    }

    @Test(arguments: [0, 8, 12, 20])
    func keysThatAreNotWholeBlocksOfAtLeast16BytesThrow(count: Int) throws {
        #expect(throws: SecurityError.self) {
            try AESKeyWrap.wrap([UInt8](repeating: 1, count: count), kek: CryptoFixtures.greenBookEK)
        }
    }
}
