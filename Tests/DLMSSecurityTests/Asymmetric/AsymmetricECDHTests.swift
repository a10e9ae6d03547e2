import DLMSCore
import DLMSSecurity
import Testing

/// ECDH shared secrets Z (x coordinate of the shared point): Ephemeral
/// Unified Model c07, One-Pass DH both directions c08 / c10, P-384 c15.
@Suite struct AsymmetricECDHTests {
    @Test func ephemeralUnifiedModel() throws {
        let vector = try CryptoFixtures.vector("c07-ecdh-ephemeral-unified-model")
        let server = try ECPrivateKey(scalar: try vector.input("server_ephemeral_private"))
        #expect(server.publicKey.point == (try vector.input("server_ephemeral_public")))
        let client = try ECPublicKey(point: try vector.input("client_ephemeral_public"))
        #expect(try server.sharedSecret(with: client) == (try vector.expect("Z")))
    }

    @Test func onePassToServerFromBothSides() throws {
        let vector = try CryptoFixtures.vector("c08-ecdh-one-pass-dh-to-server")
        let client = try ECPrivateKey(scalar: try vector.input("client_ephemeral_private"))
        let server = try ECPrivateKey(scalar: try vector.input("server_static_private"))
        #expect(client.publicKey.point == (try vector.input("client_ephemeral_public")))
        #expect(server.publicKey.point == (try vector.input("server_static_public")))
        let z = try vector.expect("Z")
        #expect(try client.sharedSecret(with: server.publicKey) == z)
        #expect(try server.sharedSecret(with: client.publicKey) == z)
    }

    @Test func onePassToClient() throws {
        let vector = try CryptoFixtures.vector("c10-ecdh-one-pass-dh-to-client")
        let client = try ECPrivateKey(scalar: try vector.input("client_static_private"))
        #expect(client.publicKey.point == (try vector.input("client_static_public")))
        let server = try ECPublicKey(point: try vector.input("server_ephemeral_public"))
        #expect(try client.sharedSecret(with: server) == (try vector.expect("Z")))
    }

    @Test func p384FromBothSides() throws {
        let vector = try CryptoFixtures.vector("c15-suite2-ecdh-kdf-p384")
        let u = try ECPrivateKey(scalar: try vector.input("party_u_private"))
        let v = try ECPrivateKey(scalar: try vector.input("party_v_private"))
        #expect(u.curve == .p384)
        #expect(u.publicKey.point == (try vector.input("party_u_public")))
        #expect(v.publicKey.point == (try vector.input("party_v_public")))
        let z = try vector.expect("Z")
        #expect(try u.sharedSecret(with: v.publicKey) == z)
        #expect(try v.sharedSecret(with: u.publicKey) == z)
    }

    @Test func curvesMustMatch() throws {
        let p256 = try ECPrivateKey.generate(curve: .p256)
        let p384 = try ECPrivateKey.generate(curve: .p384)
        #expect(throws: SecurityError.self) { try p256.sharedSecret(with: p384.publicKey) }
    }

    @Test(arguments: ECCurve.allCases)
    func generatedKeysAgree(curve: ECCurve) throws {
        let a = try ECPrivateKey.generate(curve: curve)
        let b = try ECPrivateKey.generate(curve: curve)
        let z = try a.sharedSecret(with: b.publicKey)
        #expect(z.count == curve.coordinateCount)
        #expect(try b.sharedSecret(with: a.publicKey) == z)
    }
}
