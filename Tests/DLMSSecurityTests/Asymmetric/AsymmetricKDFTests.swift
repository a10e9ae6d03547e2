import DLMSCore
import DLMSSecurity
import Testing

/// The NIST SP 800-56A concatenation KDF with DLMS OtherInfo: c09 (the
/// Green Book One-Pass DH key), c10 (server → client), c15 (suite 2).
@Suite struct AsymmetricKDFTests {
    @Test func algorithmIDs() {
        #expect(KeyDerivationAlgorithm.aesGCM128.algorithmID == [0x60, 0x85, 0x74, 0x05, 0x08, 0x03, 0x00])
        #expect(KeyDerivationAlgorithm.aesGCM256.algorithmID == [0x60, 0x85, 0x74, 0x05, 0x08, 0x03, 0x01])
        #expect(KeyDerivationAlgorithm.aesWrap128.algorithmID.last == 0x02)
        #expect(KeyDerivationAlgorithm.aesWrap256.algorithmID.last == 0x03)
    }

    @Test func onePassDHGreenBookKey() throws {
        let vector = try CryptoFixtures.vector("c09-kdf-one-pass-dh")
        let z = try vector.input("Z")
        let otherInfo = try vector.input("other_info")
        let u = try CryptoFixtures.hex("4D4D4D0000BC614E")
        let v = try CryptoFixtures.hex("4D4D4D0000000001")
        #expect(KeyDerivation.otherInfo(algorithm: .aesGCM128, partyU: u, partyV: v) == otherInfo)
        let full = try KeyDerivation.concatenation(digest: .sha256, sharedSecret: z, otherInfo: otherInfo, count: 32)
        #expect(full == (try vector.expect("kdf_32_bytes")))
        let key = try KeyDerivation.cipheringKey(curve: .p256, sharedSecret: z, partyU: u, partyV: v)
        #expect(key == (try vector.expect("aes_gcm_128_key")))
        #expect(key != (try vector.expect("source_alternative_value")))
    }

    /// The shared secret through to the key: c08's parties give c09's key.
    @Test func onePassDHFromTheKeyPairs() throws {
        let c08 = try CryptoFixtures.vector("c08-ecdh-one-pass-dh-to-server")
        let client = try ECPrivateKey(scalar: try c08.input("client_ephemeral_private"))
        let server = try ECPublicKey(point: try c08.input("server_static_public"))
        let z = try client.sharedSecret(with: server)
        let key = try KeyDerivation.cipheringKey(
            curve: .p256, sharedSecret: z,
            partyU: try CryptoFixtures.hex("4D4D4D0000BC614E"), partyV: try CryptoFixtures.hex("4D4D4D0000000001")
        )
        #expect(key == (try CryptoFixtures.vector("c09-kdf-one-pass-dh").expect("aes_gcm_128_key")))
    }

    @Test func onePassDHToClient() throws {
        let vector = try CryptoFixtures.vector("c10-ecdh-one-pass-dh-to-client")
        let u = try CryptoFixtures.hex("4D4D4D0000000001")
        let v = try CryptoFixtures.hex("4D4D4D0000BC614E")
        #expect(KeyDerivation.otherInfo(algorithm: .aesGCM128, partyU: u, partyV: v) == (try vector.input("other_info")))
        let key = try KeyDerivation.cipheringKey(curve: .p256, sharedSecret: try vector.expect("Z"), partyU: u, partyV: v)
        #expect(key == (try vector.expect("aes_gcm_128_key_standard_kdf")))
        #expect(Hex.encode(key).hasPrefix("F0184BDA"))
    }

    @Test func ephemeralUnifiedModelStandardKDF() throws {
        let vector = try CryptoFixtures.vector("c07-ecdh-ephemeral-unified-model")
        let key = try KeyDerivation.cipheringKey(
            curve: .p256, sharedSecret: try vector.expect("Z"),
            partyU: try CryptoFixtures.hex("4D4D4D0000BC614E"), partyV: try CryptoFixtures.hex("4D4D4D0000000001")
        )
        #expect(key == (try vector.expect("kdf_output_standard_concat_kdf")))
    }

    @Test func suite2Key() throws {
        let vector = try CryptoFixtures.vector("c15-suite2-ecdh-kdf-p384")
        let u = try CryptoFixtures.hex("4D4D4D0000BC614E")
        let v = try CryptoFixtures.hex("4D4D4D0000000001")
        #expect(KeyDerivation.otherInfo(algorithm: .aesGCM256, partyU: u, partyV: v) == (try vector.input("other_info")))
        let key = try KeyDerivation.cipheringKey(curve: .p384, sharedSecret: try vector.expect("Z"), partyU: u, partyV: v)
        #expect(key.count == 32)
        #expect(key == (try vector.expect("aes_gcm_256_key")))
    }

    @Test func betweenGoesBetweenTheParties() {
        let info = KeyDerivation.otherInfo(algorithm: .aesGCM128, partyU: [1, 1], partyV: [2, 2], between: [8, 9])
        #expect(info == KeyDerivationAlgorithm.aesGCM128.algorithmID + [1, 1, 8, 9, 2, 2])
    }

    /// More than one hash block: block 1 is the 32-byte output, the rest continues.
    @Test func longOutputExtendsTheShortOne() throws {
        let vector = try CryptoFixtures.vector("c09-kdf-one-pass-dh")
        let z = try vector.input("Z")
        let info = try vector.input("other_info")
        let long = try KeyDerivation.concatenation(digest: .sha256, sharedSecret: z, otherInfo: info, count: 80)
        #expect(long.count == 80)
        #expect(Array(long.prefix(32)) == (try vector.expect("kdf_32_bytes")))
        // Block 2 = SHA-256(00000002 ‖ Z ‖ OtherInfo).
        #expect(Array(long[32..<64]) == (try Digest.sha256.hash([0, 0, 0, 2] + z + info)))
    }

    @Test func emptySecretOrCountThrows() throws {
        #expect(throws: SecurityError.self) {
            try KeyDerivation.concatenation(digest: .sha256, sharedSecret: [], otherInfo: [1], count: 16)
        }
        #expect(throws: SecurityError.self) {
            try KeyDerivation.concatenation(digest: .sha256, sharedSecret: [1], otherInfo: [1], count: 0)
        }
        // Empty OtherInfo is allowed.
        #expect(try KeyDerivation.concatenation(digest: .sha384, sharedSecret: [1], otherInfo: [], count: 48)
            == Digest.sha384.hash([0, 0, 0, 1, 1]))
    }
}
