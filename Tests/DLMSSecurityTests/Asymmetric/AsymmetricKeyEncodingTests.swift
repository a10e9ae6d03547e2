import DLMSCore
import DLMSSecurity
import Foundation
import Testing

/// Keys as PEM / DER / files, key redaction, and hostile key input.
@Suite struct AsymmetricKeyEncodingTests {
    private static func c01Key() throws -> ECPrivateKey {
        try ECPrivateKey(scalar: try CryptoFixtures.vector("c01-ecdsa-p256-client-signing-keypair").input("private_key"))
    }

    @Test(arguments: ECCurve.allCases)
    func privatePKCS8RoundTrip(curve: ECCurve) throws {
        let key = try ECPrivateKey.generate(curve: curve)
        let pem = try key.pemPKCS8()
        #expect(pem.hasPrefix("-----BEGIN PRIVATE KEY-----"))
        let read = try ECPrivateKey(pem: Array(pem.utf8))
        #expect(read.curve == curve)
        #expect(read.publicKey == key.publicKey)
        #expect(try read.scalar() == key.scalar())
    }

    @Test func publicPEMAndDERRoundTrip() throws {
        let key = try Self.c01Key().publicKey
        let pem = try key.pem()
        #expect(pem.hasPrefix("-----BEGIN PUBLIC KEY-----"))
        #expect(try ECPublicKey(pem: Array(pem.utf8)) == key)
        #expect(try ECPublicKey(der: key.der()) == key)
    }

    /// A SEC 1 "EC PRIVATE KEY" PEM (as `openssl ecparam -genkey` writes it)
    /// of the c01 scalar.
    @Test func readsSEC1PEM() throws {
        let pem = """
            -----BEGIN EC PRIVATE KEY-----
            MHcCAQEEIEGAc8I5+mElAR3k1s0uZFeAKJ92G7Ib+wg1y1WF6LNzoAoGCCqGSM49
            AwEHoUQDQgAEuq/94GqMscna6NlAI8YB27skklS6Iu3YJ+ggvKK8xkNi+7g9hqgr
            h7uLcWHSqrVSGRGpRrl6KEqQ93hc2QR9JQ==
            -----END EC PRIVATE KEY-----
            """
        let key = try ECPrivateKey(pem: Array(pem.utf8))
        #expect(key.publicKey == (try Self.c01Key().publicKey))
        // `openssl ecparam -genkey` puts the curve parameters first.
        let parameters = "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n"
        #expect(try ECPrivateKey(pem: Array((parameters + pem).utf8)).publicKey == key.publicKey)
    }

    @Test func filesInPEMAndDER() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("dlmscope-asymmetric-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let key = try Self.c01Key()

        let privatePath = directory.appendingPathComponent("key.pem").path
        try Data(key.pemPKCS8().utf8).write(to: URL(fileURLWithPath: privatePath))
        #expect(try ECPrivateKey(contentsOfFile: privatePath).publicKey == key.publicKey)

        let publicPEMPath = directory.appendingPathComponent("pub.pem").path
        try Data(key.publicKey.pem().utf8).write(to: URL(fileURLWithPath: publicPEMPath))
        #expect(try ECPublicKey(contentsOfFile: publicPEMPath) == key.publicKey)

        let publicDERPath = directory.appendingPathComponent("pub.der").path
        try Data(key.publicKey.der()).write(to: URL(fileURLWithPath: publicDERPath))
        #expect(try ECPublicKey(contentsOfFile: publicDERPath) == key.publicKey)

        #expect(throws: SecurityError.self) {
            try ECPublicKey(contentsOfFile: directory.appendingPathComponent("missing.pem").path)
        }
        // A public key file is not a private key.
        #expect(throws: SecurityError.self) { try ECPrivateKey(contentsOfFile: publicPEMPath) }
    }

    @Test func acceptsThe04Prefix() throws {
        let key = try Self.c01Key().publicKey
        #expect(try ECPublicKey(point: [0x04] + key.point) == key)
        #expect(try ECPublicKey(curve: .p256, point: key.uncompressedPoint) == key)
        #expect(throws: SecurityError.self) { try ECPublicKey(point: [0x02] + key.point) }
        #expect(throws: SecurityError.self) { try ECPublicKey(curve: .p384, point: key.point) }
    }

    @Test func privateKeyIsRedacted() throws {
        let key = try Self.c01Key()
        let scalarHex = Hex.encode(try key.scalar())
        var dumped = ""
        dump(key, to: &dumped)
        for text in [key.description, String(describing: key), String(reflecting: key), dumped, "\(key)"] {
            #expect(!text.contains(scalarHex))
            #expect(!text.uppercased().contains(String(scalarHex.prefix(16))))
        }
        #expect(key.description.contains("P-256"))
    }

    @Test func pointNotOnTheCurveIsRejected() throws {
        var point = try Self.c01Key().publicKey.point
        point[63] ^= 0x01
        #expect(throws: SecurityError.self) { try ECPublicKey(point: point) }
        #expect(throws: SecurityError.self) { try ECPublicKey(point: [0x04] + point) }
        #expect(throws: SecurityError.self) { try ECPublicKey(point: [0x04] + [UInt8](repeating: 0, count: 64)) }
        #expect(throws: SecurityError.self) { try ECPublicKey(point: [UInt8](repeating: 0xFF, count: 96)) }
    }

    @Test(arguments: [0, 1, 31, 33, 47, 63, 66, 95, 98])
    func publicKeysOfOtherLengthsThrow(count: Int) {
        #expect(throws: SecurityError.self) { try ECPublicKey(point: [UInt8](repeating: 0x01, count: count)) }
    }

    @Test func invalidScalarsThrow() throws {
        #expect(throws: SecurityError.self) { try ECPrivateKey(scalar: []) }
        #expect(throws: SecurityError.self) { try ECPrivateKey(scalar: [UInt8](repeating: 0, count: 32)) }
        #expect(throws: SecurityError.self) { try ECPrivateKey(scalar: [UInt8](repeating: 0xFF, count: 32)) }
        #expect(throws: SecurityError.self) { try ECPrivateKey(scalar: [UInt8](repeating: 1, count: 33)) }
        #expect(throws: SecurityError.self) { try ECPrivateKey(curve: .p256, scalar: [UInt8](repeating: 1, count: 48)) }
        // A short scalar on a named curve is left-padded.
        #expect(try ECPrivateKey(curve: .p256, scalar: [1]).scalar() == [UInt8](repeating: 0, count: 31) + [1])
    }

    @Test(arguments: [
        "", "-----BEGIN PUBLIC KEY-----\n-----END PUBLIC KEY-----\n",
        "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n", "not a key at all",
        "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n",
    ])
    func garbagePEMThrows(text: String) {
        #expect(throws: SecurityError.self) { try ECPublicKey(pem: Array(text.utf8)) }
        #expect(throws: SecurityError.self) { try ECPrivateKey(pem: Array(text.utf8)) }
        #expect(throws: SecurityError.self) { try X509Certificate(pem: Array(text.utf8)) }
    }

    @Test(arguments: [[], [0x30], [0x30, 0x82, 0xFF, 0xFF], [0x30, 0x03, 0x02, 0x01, 0x01], Array(repeating: 0xFF, count: 300)])
    func garbageDERThrows(bytes: [UInt8]) {
        #expect(throws: SecurityError.self) { try ECPublicKey(der: bytes) }
        #expect(throws: SecurityError.self) { try ECPrivateKey(der: bytes) }
        #expect(throws: SecurityError.self) { try X509Certificate(der: bytes) }
        #expect(throws: SecurityError.self) { try CertificationRequest(der: bytes) }
    }

    @Test func trailingBytesAfterDERThrow() throws {
        let der = try Self.c01Key().publicKey.der()
        #expect(throws: SecurityError.self) { try ECPublicKey(der: der + [0]) }
        #expect(throws: SecurityError.self) { try ECPublicKey(der: Array(der.dropLast())) }
    }

    /// An encrypted PKCS#8 key (the c01 scalar, passphrase "secret") is refused
    /// without prompting for a passphrase on the terminal.
    @Test func encryptedPrivateKeyIsRefused() {
        let pem = """
            -----BEGIN ENCRYPTED PRIVATE KEY-----
            MIHsMFcGCSqGSIb3DQEFDTBKMCkGCSqGSIb3DQEFDDAcBAgY3SFSSaR5kgICCAAw
            DAYIKoZIhvcNAgkFADAdBglghkgBZQMEAQIEEBeWSvfvIH/k9N/DERRhDsoEgZA+
            kNeVMYtw3jOAv2azO8iiKbyBDhZ12ZlXXXygbgBj6lgVr0qEcaEIyBvkFychXmsh
            HsoN8/2nU4lfN1qX2PjcK8GoYIt/Vuc+LemyPIxrnbFd9fdD7q0b6PigX17xnP9M
            EbyUgt2y1IuBo0TTkslWVYRtyHhzmlfWkjDcLmjg6wnTpI3/RgV0Ba542eZLN5Y=
            -----END ENCRYPTED PRIVATE KEY-----
            """
        #expect(throws: SecurityError.self) { try ECPrivateKey(pem: Array(pem.utf8)) }
    }

    /// An RSA key is not a suite 1/2 key.
    @Test func rejectsARSAPublicKey() {
        let pem = """
            -----BEGIN PUBLIC KEY-----
            MFwwDQYJKoZIhvcNAQEBBQADSwAwSAJBAMX3emgo/Bcu1afSUMQMFMfj2JMoZRQS
            Z/XDfsSPqrzoh97THll/IvCzUqYX3+aGHqAAbl33Ex9KO/mFXHnnLh0CAwEAAQ==
            -----END PUBLIC KEY-----
            """
        #expect(throws: SecurityError.self) { try ECPublicKey(pem: Array(pem.utf8)) }
    }
}
