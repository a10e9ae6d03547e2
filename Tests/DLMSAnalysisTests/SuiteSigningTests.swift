import DLMSAPDU
import DLMSAnalysis
import DLMSCore
import DLMSSecurity
import DLMSTestSupport
import Foundation
import Testing

/// general-signing and HLS mechanism 7 through the pipeline (Green Book, suites 1 and 2;
/// spec-notes §4.3, §4.4), with the Annex C signing keys [c01, c02] and the b06 exchange.
@Suite struct SuiteSigningTests {
    static let client = Hex.decode("4D4D4D0000000001") ?? []
    static let meter = Hex.decode("4D4D4D0000BC614E") ?? []

    static func clientSigningKey() throws -> ECPrivateKey {
        try ECPrivateKey(curve: .p256, scalar: try SecurityVectors.vector("c01-ecdsa-p256-client-signing-keypair").input("private_key"))
    }

    static func serverSigningKey() throws -> ECPrivateKey {
        try ECPrivateKey(curve: .p256, scalar: try SecurityVectors.vector("c02-ecdsa-p256-server-signing-keypair").input("private_key"))
    }

    /// Public keys only, as a lab holds its peers'.
    static func keys() throws -> KeyStore {
        KeyStore(
            meters: [meter: KeySet(
                ek: Hex.decode("000102030405060708090A0B0C0D0E0F"), ak: Hex.decode("D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF"),
                signingPublicKey: .point(try serverSigningKey().publicKey.point)
            )],
            clients: [client: KeySet(signingPublicKey: .point(try clientSigningKey().publicKey.point))]
        )
    }

    static func signed(_ content: [UInt8], by key: ECPrivateKey, from originator: [UInt8], to recipient: [UInt8]) throws -> [UInt8] {
        let apdu = try GeneralSigningMessage.sign(GeneralSigning(
            transactionId: [0, 0, 0, 0, 0, 0, 0, 1], originatorSystemTitle: AXDROctetString(originator),
            recipientSystemTitle: AXDROctetString(recipient), content: AXDROctetString(content), signature: []
        ), with: key)
        var bytes: [UInt8] = []
        apdu.encode(into: &bytes)
        return bytes
    }

    @Test func signedPlainRequestVerifies() throws {
        var pipeline = SecurityPipeline(keys: try Self.keys())
        let record = try pipeline.feed(try Self.signed(APDUs.getClock, by: try Self.clientSigningKey(), from: Self.client, to: Self.meter))
        #expect(record.security?.envelope == "general-signing")
        #expect(record.security?.signature == .valid)
        #expect(record.security?.tag == .absent)
        #expect(record.apdu?.apdu?.tag == GetRequest.tag)
        #expect(record.findings.isEmpty, "\(record.findings)")
    }

    /// The signature covers the header fields with their lengths and the content without its
    /// length (spec-notes §4.4): changing any of them breaks it.
    @Test(arguments: [1, 3, 12, 30])
    func alteredSignedBytesBreakTheSignature(at offset: Int) throws {
        var apdu = try Self.signed(APDUs.getClock, by: try Self.clientSigningKey(), from: Self.client, to: Self.meter)
        apdu[offset] ^= 0x01
        var pipeline = SecurityPipeline(keys: try Self.keys())
        let record = try pipeline.feed(apdu)
        #expect(record.security?.signature != .valid)
    }

    @Test func signatureByAnotherKeyIsInvalid() throws {
        var pipeline = SecurityPipeline(keys: try Self.keys())
        let record = try pipeline.feed(try Self.signed(APDUs.getClock, by: try Self.serverSigningKey(), from: Self.client, to: Self.meter))
        #expect(record.security?.signature == .invalid)
        #expect(record.hasFinding(.signatureInvalid))
    }

    @Test func unknownSignerIsUnchecked() throws {
        var keys = try Self.keys()
        keys.clients = [:]
        var pipeline = SecurityPipeline(keys: keys)
        let record = try pipeline.feed(try Self.signed(APDUs.getClock, by: try Self.clientSigningKey(), from: Self.client, to: Self.meter))
        #expect(record.security?.signature == .unchecked)
        #expect(record.hasFinding(.authenticityUnchecked))
    }

    @Test func signedCipheredContentKeepsBothVerdicts() throws {
        let inner = try SuiteGeneralCipheringTests.generalCiphering(
            APDUs.clockValue, key: SuiteGeneralCipheringTests.ek, keyInfo: .identifiedKey(KeyID(rawValue: 0)),
            from: Self.meter, to: Self.client
        )
        var pipeline = SecurityPipeline(keys: try Self.keys())
        let record = try pipeline.feed(try Self.signed(inner, by: try Self.serverSigningKey(), from: Self.meter, to: Self.client))
        #expect(record.security?.envelope == "general-signing")
        #expect(record.security?.signature == .valid)
        #expect(record.security?.tag == .valid)
        #expect(record.security?.key == .globalUnicast)
        #expect(record.security?.plaintext == APDUs.clockValue)
        #expect(record.apdu?.apdu?.tag == GetResponse.tag)
    }

    @Test func certificateOfTheSignerIsShownAndJudged() throws {
        let signing = try Self.clientSigningKey()
        let ca = try ECPrivateKey.generate(curve: .p256)
        let expired = try X509Certificate.issue(
            subjectCommonName: Hex.encode(Self.client), publicKey: signing.publicKey, issuerCommonName: "Test CA",
            issuerKey: ca, serialNumber: 7, notBefore: Date(timeIntervalSince1970: 1_600_000_000),
            notAfter: Date(timeIntervalSince1970: 1_600_086_400), keyUsage: [.keyAgreement], isCA: false
        )
        let directory = try Fixtures.temporaryDirectory()
        let path = directory.appendingPathComponent("client.pem").path
        try expired.pem().write(toFile: path, atomically: true, encoding: .utf8)
        var keys = try Self.keys()
        keys.clients = [Self.client: KeySet(certificate: path)]
        var pipeline = SecurityPipeline(keys: keys)
        let record = try pipeline.feed(try Self.signed(APDUs.getClock, by: signing, from: Self.client, to: Self.meter))
        // A key-agreement-only certificate still names the key; its misuse is a finding.
        #expect(record.security?.certificate == nil || record.security?.certificate?.serialNumber.hasSuffix("07") == true)
        #expect(record.security?.signature != nil)
    }

    // MARK: HLS mechanism 7 [b06]

    static func hlsExchange(clientReply: [UInt8], serverReply: [UInt8], keys: KeyStore) throws -> [Record] {
        let b06 = try SecurityVectors.vector("b06-hls7-ecdsa-p256")
        var pipeline = SecurityPipeline(keys: keys)
        return try pipeline.feed([
            HLSAPDUs.aarq(mechanism: 7, clientTitle: try b06.input("client_system_title"), challenge: try b06.input("CtoS")),
            HLSAPDUs.aare(mechanism: 7, serverTitle: try b06.input("server_system_title"), challenge: try b06.input("StoC")),
            HLSAPDUs.reply(clientReply), HLSAPDUs.answer(serverReply),
        ])
    }

    static func b06Keys() throws -> KeyStore {
        let b06 = try SecurityVectors.vector("b06-hls7-ecdsa-p256")
        return KeyStore(
            meters: [try b06.input("server_system_title"): KeySet(signingPublicKey: .point(try b06.input("server_signing_public_key")))],
            clients: [try b06.input("client_system_title"): KeySet(signingPublicKey: .point(try b06.input("client_signing_public_key")))]
        )
    }

    @Test func vectorSignaturesVerify() throws {
        let b06 = try SecurityVectors.vector("b06-hls7-ecdsa-p256")
        let records = try Self.hlsExchange(
            clientReply: try b06.expect("f_StoC_signature_rfc6979"), serverReply: try b06.expect("f_CtoS_signature_rfc6979"),
            keys: try Self.b06Keys()
        )
        #expect(records[2].hls?.mechanism == 7)
        #expect(records[2].hls?.result == .valid)
        #expect(records[2].hls?.responder == .client)
        #expect(records[3].hls?.result == .valid)
        #expect(records[3].hls?.responder == .server)
    }

    @Test func freshSignaturesOverTheVectorMessagesVerify() throws {
        let b06 = try SecurityVectors.vector("b06-hls7-ecdsa-p256")
        let client = try ECPrivateKey(curve: .p256, scalar: try b06.input("client_signing_private_key"))
        let server = try ECPrivateKey(curve: .p256, scalar: try b06.input("server_signing_private_key"))
        let records = try Self.hlsExchange(
            clientReply: try client.signature(for: try b06.expect("f_StoC_message")),
            serverReply: try server.signature(for: try b06.expect("f_CtoS_message")), keys: try Self.b06Keys()
        )
        #expect(records[2].hls?.result == .valid)
        #expect(records[3].hls?.result == .valid)
    }

    @Test func swappedSignaturesAreInvalid() throws {
        let b06 = try SecurityVectors.vector("b06-hls7-ecdsa-p256")
        let records = try Self.hlsExchange(
            clientReply: try b06.expect("f_CtoS_signature_rfc6979"), serverReply: try b06.expect("f_StoC_signature_rfc6979"),
            keys: try Self.b06Keys()
        )
        #expect(records[2].hls?.result == .invalid)
        #expect(records[2].hasFinding(.hlsResponseInvalid))
        #expect(records[3].hls?.result == .invalid)
    }

    @Test func withoutPublicKeysHLSECDSAIsUnchecked() throws {
        let b06 = try SecurityVectors.vector("b06-hls7-ecdsa-p256")
        let records = try Self.hlsExchange(
            clientReply: try b06.expect("f_StoC_signature_rfc6979"), serverReply: try b06.expect("f_CtoS_signature_rfc6979"),
            keys: KeyStore()
        )
        #expect(records[2].hls?.result == .unchecked)
        #expect(records[3].hls?.result == .unchecked)
    }
}
