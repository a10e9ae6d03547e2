import DLMSCore
import DLMSSecurity
import Testing

/// The AES-GCM primitive: known answers, the 12-byte tag, key and IV sizes,
/// reuse of one key's contexts, and concurrent use.
@Suite struct CryptoAESGCMKeyTests {
    /// Green Book get-request (a02): IV = 4D4D4D0000BC614E ‖ 01234567, AAD = SC ‖ AK.
    static let iv: [UInt8] = [0x4D, 0x4D, 0x4D, 0x00, 0x00, 0xBC, 0x61, 0x4E, 0x01, 0x23, 0x45, 0x67]
    static let aad: [UInt8] = [0x30] + CryptoFixtures.greenBookAK

    struct Example {
        var plaintext: [UInt8]
        var ciphertext: [UInt8]
        var tag: [UInt8]
    }

    static func greenBookGet() throws -> Example {
        let vector = try CryptoFixtures.vector("a02-glo-get-request-AE")
        return Example(
            plaintext: try vector.input("plaintext_apdu"), ciphertext: try vector.expect("ciphertext"),
            tag: try vector.expect("tag")
        )
    }

    @Test func sealGivesTheGreenBookCiphertextAndTwelveByteTag() throws {
        let example = try Self.greenBookGet()
        let key = try AESGCMKey(CryptoFixtures.greenBookEK)
        #expect(key.keyCount == 16)
        let sealed = try key.seal(plaintext: example.plaintext, iv: Self.iv, aad: Self.aad)
        #expect(sealed.ciphertext == example.ciphertext)
        #expect(sealed.tag == example.tag)
        #expect(sealed.tag.count == AESGCMKey.tagCount)
        let opened = try key.open(ciphertext: example.ciphertext, iv: Self.iv, aad: Self.aad, tag: example.tag)
        #expect(opened == example.plaintext)
    }

    /// c16 (IEEE 802.1AE test case via Connexo): AES-256-GCM with a 16-byte
    /// tag; DLMS keeps its leftmost 12 bytes.
    @Test func aes256KnownAnswerWithTruncatedTag() throws {
        let vector = try CryptoFixtures.vector("c16-aes-gcm-256-kat")
        let key = try AESGCMKey(try vector.input("key"))
        #expect(key.keyCount == 32)
        let fullTag = try vector.expect("tag")
        #expect(fullTag.count == 16)
        let iv = try vector.input("iv")
        let aad = try vector.input("aad")
        let sealed = try key.seal(plaintext: try vector.input("plaintext"), iv: iv, aad: aad)
        #expect(sealed.ciphertext == (try vector.expect("ciphertext")))
        #expect(sealed.tag == Array(fullTag.prefix(12)))
        let ciphertext = try vector.expect("ciphertext")
        let opened = try key.open(ciphertext: ciphertext, iv: iv, aad: aad, tag: Array(fullTag.prefix(12)))
        #expect(opened == (try vector.input("plaintext")))
        #expect(try key.decryptWithoutTag(ciphertext: ciphertext, iv: iv) == (try vector.input("plaintext")))
        // The full 16-byte GCM tag is not a DLMS tag: it never verifies here.
        #expect(try key.open(ciphertext: ciphertext, iv: iv, aad: aad, tag: fullTag) == nil)
    }

    @Test func keystreamMatchesTheGCMCiphertext() throws {
        let example = try Self.greenBookGet()
        let key = try AESGCMKey(CryptoFixtures.greenBookEK)
        #expect(try key.encryptWithoutTag(plaintext: example.plaintext, iv: Self.iv) == example.ciphertext)
        #expect(try key.decryptWithoutTag(ciphertext: example.ciphertext, iv: Self.iv) == example.plaintext)
        #expect(try key.decryptWithoutTag(ciphertext: [], iv: Self.iv) == [])
    }

    /// GMAC is GCM over an empty plaintext: b01's tag.
    @Test func gmacIsTheTagOverAADAlone() throws {
        let vector = try CryptoFixtures.vector("b01-hls5-gmac-f-StoC")
        let key = try AESGCMKey(try vector.input("EK"))
        let iv = try vector.input("client_system_title") + (try vector.input("client_IC"))
        let tag = try key.gmac(iv: iv, aad: try vector.input("aad"))
        #expect(tag == (try vector.expect("tag")))
        #expect(try key.seal(plaintext: [], iv: iv, aad: try vector.input("aad")).tag == tag)
        #expect(try key.verifyGMAC(tag: tag, iv: iv, aad: try vector.input("aad")))
        #expect(try key.open(ciphertext: [], iv: iv, aad: try vector.input("aad"), tag: tag) == [])
        #expect(try !key.verifyGMAC(tag: Array(tag.prefix(11)), iv: iv, aad: try vector.input("aad")))
    }

    @Test(arguments: [0, 1, 8, 15, 17, 24, 31, 33, 64])
    func keysThatAreNot16Or32BytesThrow(count: Int) {
        let key = [UInt8](repeating: 0xA5, count: count)
        #expect(throws: SecurityError.self) { try AESGCMKey(key) }
        #expect(throws: SecurityError.self) {
            try CipheredContentOpener.seal(
                plaintext: [0xC0], securityControl: CryptoFixtures.encryptionOnly, invocationCounter: 1,
                systemTitle: Array(repeating: 0x41, count: 8), encryptionKey: key, authenticationKey: nil
            )
        }
    }

    @Test(arguments: [0, 1, 8, 11, 13, 16])
    func ivsThatAreNot12BytesThrow(count: Int) throws {
        let key = try AESGCMKey(CryptoFixtures.greenBookEK)
        let iv = [UInt8](repeating: 1, count: count)
        #expect(throws: SecurityError.self) { try key.seal(plaintext: [1, 2, 3], iv: iv, aad: []) }
        #expect(throws: SecurityError.self) {
            try key.open(ciphertext: [1, 2, 3], iv: iv, aad: [], tag: Array(repeating: 0, count: 12))
        }
        #expect(throws: SecurityError.self) { try key.decrypt(ciphertext: [1], iv: iv, aad: [], tag: []) }
        #expect(throws: SecurityError.self) { try key.gmac(iv: iv, aad: [1]) }
        #expect(throws: SecurityError.self) { try key.decryptWithoutTag(ciphertext: [1], iv: iv) }
        #expect(throws: SecurityError.self) { try key.encryptWithoutTag(plaintext: [1], iv: iv) }
    }

    /// A tag that is not 12 bytes never verifies, even a prefix of the right
    /// tag (OpenSSL would compare only as many bytes as it is given, so such a
    /// tag must never reach it).
    @Test(arguments: [0, 1, 4, 8, 11])
    func shortTagsNeverVerify(count: Int) throws {
        let example = try Self.greenBookGet()
        let key = try AESGCMKey(CryptoFixtures.greenBookEK)
        let tag = Array(example.tag.prefix(count))
        #expect(try key.open(ciphertext: example.ciphertext, iv: Self.iv, aad: Self.aad, tag: tag) == nil)
        let result = try key.decrypt(ciphertext: example.ciphertext, iv: Self.iv, aad: Self.aad, tag: tag)
        #expect(!result.authentic)
        #expect(result.plaintext == example.plaintext)
    }

    @Test func longerTagsNeverVerify() throws {
        let example = try Self.greenBookGet()
        let key = try AESGCMKey(CryptoFixtures.greenBookEK)
        #expect(try key.open(ciphertext: example.ciphertext, iv: Self.iv, aad: Self.aad, tag: example.tag + [0]) == nil)
    }

    /// One key's contexts serve any sequence of operations: every result is
    /// the same as from a fresh key (no state carried from a failed check,
    /// a previous IV or another mode).
    @Test func operationsInterleavedOnOneKeyStayIndependent() throws {
        let example = try Self.greenBookGet()
        let key = try AESGCMKey(CryptoFixtures.greenBookEK)
        let otherIV = Array(Self.iv.prefix(8)) + [0, 0, 0, 9]
        for round in 0..<5 {
            let badTag = CryptoFixtures.flipping(example.tag, bit: round)
            #expect(try key.open(ciphertext: example.ciphertext, iv: Self.iv, aad: Self.aad, tag: badTag) == nil)
            let opened = try key.open(ciphertext: example.ciphertext, iv: Self.iv, aad: Self.aad, tag: example.tag)
            #expect(opened == example.plaintext)
            #expect(try key.decryptWithoutTag(ciphertext: example.ciphertext, iv: Self.iv) == example.plaintext)
            _ = try key.seal(plaintext: example.plaintext + [UInt8(round)], iv: otherIV, aad: [1, 2, 3])
            let sealed = try key.seal(plaintext: example.plaintext, iv: Self.iv, aad: Self.aad)
            #expect(sealed.ciphertext == example.ciphertext)
            #expect(sealed.tag == example.tag)
            _ = try key.gmac(iv: otherIV, aad: example.plaintext)
        }
    }

    @Test func oneKeySharedBetweenTasks() async throws {
        let example = try Self.greenBookGet()
        let key = try AESGCMKey(CryptoFixtures.greenBookEK)
        let results = try await withThrowingTaskGroup(of: Bool.self) { group in
            for index in 0..<64 {
                group.addTask {
                    if index.isMultiple(of: 2) {
                        return try key.open(ciphertext: example.ciphertext, iv: Self.iv, aad: Self.aad, tag: example.tag)
                            == example.plaintext
                    }
                    return try key.seal(plaintext: example.plaintext, iv: Self.iv, aad: Self.aad).tag == example.tag
                }
            }
            var all: [Bool] = []
            for try await result in group { all.append(result) }
            return all
        }
        #expect(results.count == 64)
        #expect(results.allSatisfy { $0 })
    }

    /// Nothing about a key prints its bytes: not the key object, not the
    /// error for a wrong size.
    @Test func keyMaterialNeverAppearsInDescriptions() throws {
        let keyBytes: [UInt8] = [
            0x13, 0x57, 0x9B, 0xDF, 0x24, 0x68, 0xAC, 0xE0, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88,
        ]
        let key = try AESGCMKey(keyBytes)
        for text in [String(describing: key), String(reflecting: key), "\(key)"] {
            #expect(!text.uppercased().contains(Hex.encode(keyBytes)))
            #expect(!text.uppercased().contains("13579BDF"))
        }
        do {
            _ = try AESGCMKey(Array(keyBytes.prefix(15)))
            Issue.record("a 15-byte key was accepted")
        } catch {
            #expect(!error.description.uppercased().contains("13579BDF"))
            #expect(!String(reflecting: error).uppercased().contains("13579BDF"))
        }
    }
}
