import DLMSAPDU
import DLMSAnalysis
import DLMSCore
import DLMSSecurity
import DLMSTestSupport
import Testing

/// Security setup (class 64) methods through the pipeline (spec-notes §4.5): key_transfer
/// with the RFC 3394 example [c13], key_agreement with the Green Book Table C.1 signature
/// [c03], and a certification request.
@Suite struct SuiteSecuritySetupTests {
    static let client = Hex.decode("4D4D4D0000000001") ?? []
    static let meter = Hex.decode("4D4D4D0000BC614E") ?? []
    static let securitySetup = OBISCode(0, 0, 43, 0, 0)

    static func action(_ method: Int8, _ parameters: DLMSData?, invokeId: UInt8) -> [UInt8] {
        ActionRequest.normal(ActionRequest.Normal(
            invokeIdAndPriority: InvokeIdAndPriority(invokeId: invokeId),
            method: CosemMethodDescriptor(classId: 64, instance: securitySetup, methodId: method), parameters: parameters
        )).encoded
    }

    static func answer(_ returned: DLMSData? = nil, invokeId: UInt8) -> [UInt8] {
        ActionResponse.normal(ActionResponse.Normal(
            invokeIdAndPriority: InvokeIdAndPriority(invokeId: invokeId),
            response: ActionResponseWithOptionalData(result: ActionResult(rawValue: 0), returnParameters: returned.map { .data($0) })
        )).encoded
    }

    /// AARQ and AARE naming the client and the meter (LN, no security).
    static func association() -> [[UInt8]] {
        [HLSAPDUs.aarq(mechanism: 0, clientTitle: client, challenge: []),
         HLSAPDUs.aare(mechanism: 0, serverTitle: meter, challenge: [])]
    }

    @Test func transferredKeyOpensTheTrafficThatFollows() throws {
        let c13 = try SecurityVectors.vector("c13-aes-key-wrap-128")
        let newKey = try c13.input("key")
        let transfer = DLMSData.array([.structure([.enum(0), .octetString(try c13.expect("wrapped"))])])
        let ak = SuiteGeneralCipheringTests.ak
        var pipeline = SecurityPipeline(keys: KeyStore(meters: [Self.meter: KeySet(ak: ak, kek: try c13.input("kek"))]))
        let before = try SuiteGeneralCipheringTests.generalCiphering(
            APDUs.getClock, key: newKey, keyInfo: .identifiedKey(KeyID(rawValue: 0)), from: Self.client, to: Self.meter, ic: 1
        )
        let records = try pipeline.feed(Self.association() + [
            before, Self.action(2, transfer, invokeId: 3), Self.answer(invokeId: 3),
            try SuiteGeneralCipheringTests.generalCiphering(
                APDUs.getClock, key: newKey, keyInfo: .identifiedKey(KeyID(rawValue: 0)), from: Self.client, to: Self.meter, ic: 2
            ),
        ])
        // Before the transfer the meter has no EK in the keys file.
        #expect(records[2].hasFinding(.keyMissing))
        #expect(records[3].securitySetup?.method == "key-transfer")
        #expect(records[3].securitySetup?.isResponse == false)
        #expect(records[4].securitySetup?.isResponse == true)
        #expect(records[5].security?.tag == .valid)
        #expect(records[5].security?.plaintext == APDUs.getClock)
    }

    @Test func transferUnderAnotherMasterKeyFailsItsIntegrityCheck() throws {
        let c13 = try SecurityVectors.vector("c13-aes-key-wrap-128")
        let c14 = try SecurityVectors.vector("c14-aes-key-wrap-256-kek")
        // c14's wrapping was made under a 256-bit KEK; the meter's is c13's.
        let transfer = DLMSData.array([.structure([.enum(0), .octetString(try c14.expect("wrapped"))])])
        var pipeline = SecurityPipeline(keys: KeyStore(meters: [Self.meter: KeySet(kek: try c13.input("kek"))]))
        let records = try pipeline.feed(Self.association() + [Self.action(2, transfer, invokeId: 1)])
        #expect(records[2].hasFinding(.keyUnwrapFailed))
    }

    @Test func keyAgreementEphemeralKeySignatureIsChecked() throws {
        let c03 = try SecurityVectors.vector("c03-ecdsa-verify-ephemeral-key-signature")
        let message = try c03.input("message")
        // key_id 00 ‖ ephemeral key, signed over both [c03].
        let data = Array(message.dropFirst()) + (try c03.expect("signature"))
        let keys = KeyStore(clients: [Self.client: KeySet(signingPublicKey: .point(try c03.input("public_key")))])
        var pipeline = SecurityPipeline(keys: keys)
        var records = try pipeline.feed(Self.association() + [
            Self.action(3, .array([.structure([.enum(0), .octetString(data)])]), invokeId: 2),
        ])
        #expect(records[2].securitySetup?.method == "key-agreement")
        #expect(!records[2].hasFinding(.signatureInvalid))
        guard case let .list(ephemeralKeys)? = records[2].securitySetup?.details.first(where: { $0.name == "ephemeralKeys" })?.value,
              case let .fields(fields)? = ephemeralKeys.first
        else {
            Issue.record("no ephemeral key in \(String(describing: records[2].securitySetup))")
            return
        }
        #expect(fields.contains(.text("signature", "valid")))
        var altered = data
        altered[data.count - 1] ^= 0x01
        pipeline = SecurityPipeline(keys: keys)
        records = try pipeline.feed(Self.association() + [
            Self.action(3, .array([.structure([.enum(0), .octetString(altered)])]), invokeId: 2),
        ])
        #expect(records[2].hasFinding(.signatureInvalid))
    }

    @Test func certificationRequestIsShown() throws {
        let key = try ECPrivateKey.generate(curve: .p256)
        let request = try CertificationRequest.create(subjectCommonName: Hex.encode(Self.meter), key: key)
        var pipeline = SecurityPipeline()
        let records = try pipeline.feed(Self.association() + [
            Self.action(5, .enum(0), invokeId: 4), Self.answer(.octetString(request.der), invokeId: 4),
        ])
        #expect(records[2].securitySetup?.method == "generate-certificate-request")
        let details = try #require(records[3].securitySetup?.details)
        guard case let .fields(fields)? = details.first(where: { $0.name == "certificationRequest" })?.value else {
            Issue.record("no certificationRequest in \(details)")
            return
        }
        #expect(fields.contains(.text("signature", "valid")))
        #expect(fields.contains(.text("subject", "CN=\(Hex.encode(Self.meter))")))
    }
}
