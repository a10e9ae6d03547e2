import DLMSCore
import DLMSSecurity
import Foundation
import Testing

/// X.509 certificates and PKCS#10 requests: issue → parse → fields,
/// signature checks, PEM / DER / chain files, hostile input.
@Suite struct AsymmetricCertificateTests {
    private static let notBefore = Date(timeIntervalSince1970: 1_700_000_000)
    private static let notAfter = Date(timeIntervalSince1970: 1_900_000_000)

    private struct PKI {
        var caKey: ECPrivateKey
        var ca: X509Certificate
        var serverKey: ECPrivateKey
        var server: X509Certificate
    }

    private static func pki(caCurve: ECCurve = .p256) throws -> PKI {
        let caKey = try ECPrivateKey.generate(curve: caCurve)
        let ca = try X509Certificate.issue(
            subjectCommonName: "dlmscope test root CA", subjectOrganization: "dlmscope",
            publicKey: caKey.publicKey, issuerCommonName: "dlmscope test root CA", issuerKey: caKey,
            serialNumber: 1, notBefore: notBefore, notAfter: notAfter,
            keyUsage: [.keyCertSign, .cRLSign], isCA: true
        )
        let serverKey = try ECPrivateKey(
            scalar: try CryptoFixtures.vector("c02-ecdsa-p256-server-signing-keypair").input("private_key")
        )
        let server = try X509Certificate.issue(
            subjectCommonName: "4D4D4D0000BC614E", subjectOrganization: "Meter Maker",
            publicKey: serverKey.publicKey, issuerCommonName: "dlmscope test root CA", issuerOrganization: "dlmscope",
            issuerKey: caKey, serialNumber: 0x0102_0304_0506, notBefore: notBefore, notAfter: notAfter,
            keyUsage: [.digitalSignature], isCA: false
        )
        return PKI(caKey: caKey, ca: ca, serverKey: serverKey, server: server)
    }

    @Test func issuedCertificateFields() throws {
        let pki = try Self.pki()
        let certificate = try X509Certificate(der: pki.server.der)
        #expect(certificate == pki.server)
        #expect(certificate.subject == "CN=4D4D4D0000BC614E,O=Meter Maker")
        #expect(certificate.issuer == "CN=dlmscope test root CA,O=dlmscope")
        #expect(certificate.subjectCommonName == "4D4D4D0000BC614E")
        #expect(certificate.issuerCommonName == "dlmscope test root CA")
        #expect(certificate.systemTitle == (try CryptoFixtures.hex("4D4D4D0000BC614E")))
        #expect(certificate.serialNumber == "010203040506")
        #expect(certificate.notBefore == Self.notBefore)
        #expect(certificate.notAfter == Self.notAfter)
        #expect(certificate.keyUsage == [.digitalSignature])
        #expect(!certificate.isCA)
        #expect(certificate.publicKey == pki.serverKey.publicKey)
        #expect(certificate.sha256Fingerprint == Hex.encode(try Digest.sha256.hash(certificate.der)))
        #expect(certificate.sha256Fingerprint.count == 64)
        #expect(!certificate.isSelfSigned)

        #expect(pki.ca.isCA)
        #expect(pki.ca.keyUsage == [.keyCertSign, .cRLSign])
        #expect(pki.ca.systemTitle == nil)
        #expect(pki.ca.subject == pki.ca.issuer)
        #expect(pki.ca.isSelfSigned)
    }

    @Test func signatureChecks() throws {
        let pki = try Self.pki()
        #expect(pki.server.isSigned(by: pki.caKey.publicKey))
        #expect(pki.ca.isSigned(by: pki.caKey.publicKey))
        #expect(!pki.server.isSigned(by: pki.serverKey.publicKey))
        #expect(!pki.server.isSigned(by: try ECPrivateKey.generate(curve: .p256).publicKey))
        #expect(!pki.server.isSigned(by: try ECPrivateKey.generate(curve: .p384).publicKey))
    }

    @Test func p384IssuerSignsWithSHA384() throws {
        let pki = try Self.pki(caCurve: .p384)
        #expect(pki.server.isSigned(by: pki.caKey.publicKey))
        #expect(pki.ca.publicKey?.curve == .p384)
        // ecdsa-with-SHA384 is 1.2.840.10045.4.3.3: 06 08 2A 86 48 CE 3D 04 03 03.
        let oid: [UInt8] = [0x06, 0x08, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x04, 0x03, 0x03]
        #expect(Hex.encode(pki.server.der).contains(Hex.encode(oid)))
    }

    @Test func validityPeriod() throws {
        let pki = try Self.pki()
        #expect(pki.server.isValid(at: Date(timeIntervalSince1970: 1_800_000_000)))
        #expect(pki.server.isValid(at: Self.notBefore))
        #expect(pki.server.isValid(at: Self.notAfter))
        #expect(!pki.server.isValid(at: Self.notBefore.addingTimeInterval(-1)))
        #expect(!pki.server.isValid(at: Self.notAfter.addingTimeInterval(1)))
    }

    @Test func tamperedCertificateDoesNotVerify() throws {
        let pki = try Self.pki()
        var der = pki.server.der
        // Inside the subject CN "4D4D4D0000BC614E": change one hex digit.
        let cn = Array("4D4D4D0000BC614E".utf8)
        let start = try #require((0...(der.count - cn.count)).first { Array(der[$0..<($0 + cn.count)]) == cn })
        der[start + 15] = UInt8(ascii: "F")
        let tampered = try X509Certificate(der: der)
        #expect(tampered.subjectCommonName == "4D4D4D0000BC614F")
        #expect(!tampered.isSigned(by: pki.caKey.publicKey))
    }

    @Test func pemAndChainFiles() throws {
        let pki = try Self.pki()
        let pem = try pki.server.pem()
        #expect(pem.hasPrefix("-----BEGIN CERTIFICATE-----"))
        #expect(try X509Certificate(pem: Array(pem.utf8)) == pki.server)
        // A certificate PEM gives its public key.
        #expect(try ECPublicKey(pem: Array(pem.utf8)) == pki.serverKey.publicKey)
        #expect(try ECPublicKey(der: pki.server.der) == pki.serverKey.publicKey)

        let chain = try X509Certificate.certificates(pem: Array((pem + pki.ca.pem()).utf8))
        #expect(chain == [pki.server, pki.ca])
        #expect(throws: SecurityError.self) { try X509Certificate.certificates(pem: Array("nothing".utf8)) }

        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("dlmscope-certificates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let pemPath = directory.appendingPathComponent("server.pem").path
        let derPath = directory.appendingPathComponent("server.der").path
        try Data(pem.utf8).write(to: URL(fileURLWithPath: pemPath))
        try Data(pki.server.der).write(to: URL(fileURLWithPath: derPath))
        #expect(try X509Certificate(contentsOfFile: pemPath) == pki.server)
        #expect(try X509Certificate(contentsOfFile: derPath) == pki.server)
        #expect(try ECPublicKey(contentsOfFile: pemPath) == pki.serverKey.publicKey)
        #expect(try ECPublicKey(contentsOfFile: derPath) == pki.serverKey.publicKey)
    }

    @Test func truncatedCertificateThrows() throws {
        let pki = try Self.pki()
        for count in [1, 10, pki.server.der.count / 2, pki.server.der.count - 1] {
            #expect(throws: SecurityError.self) { try X509Certificate(der: Array(pki.server.der.prefix(count))) }
        }
        #expect(throws: SecurityError.self) { try X509Certificate(der: pki.server.der + [0x00]) }
    }

    @Test func systemTitleOnlyFromSixteenHexDigits() throws {
        let key = try ECPrivateKey.generate(curve: .p256)
        for (name, title) in [("4d4d4d0000bc614e", "4D4D4D0000BC614E"), ("4D4D4D0000BC614", nil), ("4D4D4D0000BC614EE", nil),
                              ("4D4D4D0000BC614G", nil), ("meter 1", nil)] as [(String, String?)] {
            let certificate = try X509Certificate.issue(
                subjectCommonName: name, publicKey: key.publicKey, issuerCommonName: name, issuerKey: key,
                serialNumber: 7, notBefore: Self.notBefore, notAfter: Self.notAfter, keyUsage: [], isCA: false
            )
            #expect(certificate.systemTitle == title.flatMap { Hex.decode($0) }, "\(name)")
            #expect(certificate.keyUsage == nil)
        }
    }

    @Test func utf8NamesStayUTF8() throws {
        let key = try ECPrivateKey.generate(curve: .p256)
        let certificate = try X509Certificate.issue(
            subjectCommonName: "Zähler Ost", subjectOrganization: "Stadtwerke Müller", publicKey: key.publicKey,
            issuerCommonName: "Zähler Ost", issuerKey: key, serialNumber: 2, notBefore: Self.notBefore,
            notAfter: Self.notAfter, keyUsage: [.keyAgreement], isCA: false
        )
        #expect(certificate.subject == "CN=Zähler Ost,O=Stadtwerke Müller")
        #expect(certificate.subjectCommonName == "Zähler Ost")
        #expect(certificate.keyUsage == [.keyAgreement])
    }

    @Test(arguments: ECCurve.allCases)
    func certificationRequest(curve: ECCurve) throws {
        let key = try ECPrivateKey.generate(curve: curve)
        let request = try CertificationRequest.create(subjectCommonName: "4D4D4D0000BC614E", key: key)
        let parsed = try CertificationRequest(der: request.der)
        #expect(parsed == request)
        #expect(parsed.subject == "CN=4D4D4D0000BC614E")
        #expect(parsed.subjectCommonName == "4D4D4D0000BC614E")
        #expect(parsed.publicKey == key.publicKey)
        #expect(parsed.isSignatureValid)
        #expect(try CertificationRequest(pem: Array(request.pem().utf8)) == request)
    }

    @Test func tamperedRequestIsInvalid() throws {
        let key = try ECPrivateKey.generate(curve: .p256)
        var der = try CertificationRequest.create(subjectCommonName: "4D4D4D0000BC614E", key: key).der
        let cn = Array("4D4D4D0000BC614E".utf8)
        let start = try #require((0...(der.count - cn.count)).first { Array(der[$0..<($0 + cn.count)]) == cn })
        der[start] = UInt8(ascii: "5")
        let tampered = try CertificationRequest(der: der)
        #expect(tampered.subjectCommonName == "5D4D4D0000BC614E")
        #expect(!tampered.isSignatureValid)
    }

    @Test func issueRejectsReversedValidity() throws {
        let key = try ECPrivateKey.generate(curve: .p256)
        #expect(throws: SecurityError.self) {
            try X509Certificate.issue(
                subjectCommonName: "x", publicKey: key.publicKey, issuerCommonName: "x", issuerKey: key,
                serialNumber: 1, notBefore: Self.notAfter, notAfter: Self.notBefore, keyUsage: [], isCA: false
            )
        }
        #expect(throws: SecurityError.self) {
            try X509Certificate.issue(
                subjectCommonName: "", publicKey: key.publicKey, issuerCommonName: "x", issuerKey: key,
                serialNumber: 1, notBefore: Self.notBefore, notAfter: Self.notAfter, keyUsage: [], isCA: false
            )
        }
    }
}
