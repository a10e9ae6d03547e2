import DLMSCore
import DLMSSecurity
import Testing

/// ECDSA on P-256/SHA-256 and P-384/SHA-384 with raw r ‖ s signatures:
/// key pairs c01, c02, c06; verification c03–c06; HLS mechanism 7 b06.
@Suite struct AsymmetricECDSATests {
    @Test(arguments: ["c01-ecdsa-p256-client-signing-keypair", "c02-ecdsa-p256-server-signing-keypair"])
    func publicKeyFromScalar(id: String) throws {
        let vector = try CryptoFixtures.vector(id)
        let key = try ECPrivateKey(scalar: try vector.input("private_key"))
        #expect(key.curve == .p256)
        #expect(key.publicKey.point == (try vector.expect("public_key")))
        #expect(try key.scalar() == (try vector.input("private_key")))
    }

    @Test func p384PublicKeyFromScalar() throws {
        let vector = try CryptoFixtures.vector("c06-ecdsa-p384-verify")
        let key = try ECPrivateKey(scalar: try vector.input("private_key"))
        #expect(key.curve == .p384)
        #expect(key.publicKey.point == (try vector.input("public_key")))
    }

    /// c03 signs key-id 00 ‖ ephemeral key; c04/c05 sign the bare key.
    @Test func verifiesTheGreenBookSignatures() throws {
        let c03 = try CryptoFixtures.vector("c03-ecdsa-verify-ephemeral-key-signature")
        let c03Key = try ECPublicKey(point: try c03.input("public_key"))
        let c03Message = try c03.input("message")
        #expect(c03Message.first == 0x00)
        #expect(try c03Key.isValidSignature(try c03.expect("signature"), for: c03Message))
        #expect(try !c03Key.isValidSignature(try c03.expect("signature"), for: Array(c03Message.dropFirst())))

        for id in ["c04-ecdsa-verify-one-pass-client", "c05-ecdsa-verify-one-pass-server"] {
            let vector = try CryptoFixtures.vector(id)
            let key = try ECPublicKey(point: try vector.input("public_key"))
            let signed = try vector.input("signed_key")
            #expect(try key.isValidSignature(try vector.expect("signature"), for: signed), "\(id)")
            #expect(try !key.isValidSignature(try vector.expect("signature"), for: [0x00] + signed), "\(id)")
        }
    }

    @Test func verifiesP384() throws {
        let vector = try CryptoFixtures.vector("c06-ecdsa-p384-verify")
        let key = try ECPublicKey(point: try vector.input("public_key"))
        #expect(key.curve == .p384)
        #expect(try key.isValidSignature(try vector.expect("signature"), for: try vector.input("message")))
    }

    @Test(arguments: [0, 7, 255, 256, 511])
    func tamperedSignatureIsRejected(bit: Int) throws {
        let vector = try CryptoFixtures.vector("c03-ecdsa-verify-ephemeral-key-signature")
        let key = try ECPublicKey(point: try vector.input("public_key"))
        let tampered = CryptoFixtures.flipping(try vector.expect("signature"), bit: bit)
        #expect(try !key.isValidSignature(tampered, for: try vector.input("message")))
    }

    @Test func tamperedMessageIsRejected() throws {
        let vector = try CryptoFixtures.vector("c06-ecdsa-p384-verify")
        let key = try ECPublicKey(point: try vector.input("public_key"))
        let message = CryptoFixtures.flipping(try vector.input("message"), bit: 3)
        #expect(try !key.isValidSignature(try vector.expect("signature"), for: message))
    }

    @Test(arguments: [0, 1, 63, 65, 96, 128])
    func signatureOfTheWrongLengthIsFalse(count: Int) throws {
        let vector = try CryptoFixtures.vector("c03-ecdsa-verify-ephemeral-key-signature")
        let key = try ECPublicKey(point: try vector.input("public_key"))
        #expect(try !key.isValidSignature([UInt8](repeating: 0x11, count: count), for: [1, 2, 3]))
    }

    @Test func zeroOrOutOfRangeSignatureIsFalse() throws {
        let key = try ECPublicKey(point: try CryptoFixtures.vector("c01-ecdsa-p256-client-signing-keypair").expect("public_key"))
        #expect(try !key.isValidSignature([UInt8](repeating: 0, count: 64), for: [1]))
        #expect(try !key.isValidSignature([UInt8](repeating: 0xFF, count: 64), for: [1]))
    }

    /// HLS mechanism 7: f(StoC) is the client's signature of ST_C ‖ ST_S ‖ StoC ‖ CtoS,
    /// f(CtoS) the server's of ST_S ‖ ST_C ‖ CtoS ‖ StoC. OpenSSL 3.0 signs with
    /// a random nonce, so ours are checked by verification, and the vector's
    /// RFC 6979 signatures verify under the public keys.
    @Test func hlsMechanism7() throws {
        let vector = try CryptoFixtures.vector("b06-hls7-ecdsa-p256")
        let client = try ECPrivateKey(scalar: try vector.input("client_signing_private_key"))
        let server = try ECPrivateKey(scalar: try vector.input("server_signing_private_key"))
        #expect(client.publicKey.point == (try vector.input("client_signing_public_key")))
        #expect(server.publicKey.point == (try vector.input("server_signing_public_key")))
        let clientTitle = try vector.input("client_system_title")
        let serverTitle = try vector.input("server_system_title")
        let stoc = try vector.input("StoC")
        let ctos = try vector.input("CtoS")
        let fStoC = clientTitle + serverTitle + stoc + ctos
        let fCtoS = serverTitle + clientTitle + ctos + stoc
        #expect(fStoC == (try vector.expect("f_StoC_message")))
        #expect(fCtoS == (try vector.expect("f_CtoS_message")))

        let ours = try client.signature(for: fStoC)
        #expect(ours.count == 64)
        #expect(try client.publicKey.isValidSignature(ours, for: fStoC))
        #expect(try !server.publicKey.isValidSignature(ours, for: fStoC))
        let theirs = try server.signature(for: fCtoS)
        #expect(try server.publicKey.isValidSignature(theirs, for: fCtoS))
        #expect(try !server.publicKey.isValidSignature(theirs, for: fStoC))

        #expect(try client.publicKey.isValidSignature(try vector.expect("f_StoC_signature_rfc6979"), for: fStoC))
        #expect(try server.publicKey.isValidSignature(try vector.expect("f_CtoS_signature_rfc6979"), for: fCtoS))
    }

    @Test(arguments: ECCurve.allCases)
    func signAndVerifyWithAGeneratedKey(curve: ECCurve) throws {
        let key = try ECPrivateKey.generate(curve: curve)
        #expect(key.curve == curve)
        #expect(try key.scalar().count == curve.scalarCount)
        for message in [[UInt8](), [0x00], Array(0..<200)] {
            let signature = try key.signature(for: message)
            #expect(signature.count == curve.signatureCount)
            #expect(try key.publicKey.isValidSignature(signature, for: message))
        }
        // Random nonces: two signatures of one message differ.
        #expect(try key.signature(for: [1]) != key.signature(for: [1]))
    }

    @Test func p384SignatureDoesNotVerifyUnderAP256Key() throws {
        let p384 = try ECPrivateKey.generate(curve: .p384)
        let p256 = try ECPrivateKey.generate(curve: .p256)
        let signature = try p384.signature(for: [1, 2])
        #expect(try !p256.publicKey.isValidSignature(signature, for: [1, 2]))
    }
}
