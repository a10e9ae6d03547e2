import DLMSAPDU
import DLMSAnalysis
import DLMSCore
import DLMSSecurity
import DLMSTestSupport
import Testing

/// general-ciphering through the pipeline (Green Book, suites 1 and 2; spec-notes §4.4): the
/// Green Book's One-Pass DH example [c11] with the Annex C keys [c01, c08], each key-info kind,
/// and damaged copies.
@Suite struct SuiteGeneralCipheringTests {
    /// c11's parties: the client (originator, 4D4D4D0000BC614E) signs its ephemeral key with
    /// the c01 key; the server (recipient, 4D4D4D0000000001) holds the c08 static agreement key.
    static func c11Keys() throws -> KeyStore {
        let c08 = try SecurityVectors.vector("c08-ecdh-one-pass-dh-to-server")
        let c01 = try SecurityVectors.vector("c01-ecdsa-p256-client-signing-keypair")
        let c11 = try SecurityVectors.vector("c11-general-ciphering-agreed-key-one-pass")
        return KeyStore(
            meters: [try SecurityVectors.hex("4D4D4D0000000001"): KeySet(
                ak: try c11.input("AK"), agreementKey: .scalar(try c08.input("server_static_private"))
            )],
            clients: [try SecurityVectors.hex("4D4D4D0000BC614E"): KeySet(
                signingPublicKey: .point(try c01.expect("public_key"))
            )]
        )
    }

    @Test func greenBookOnePassExampleDecryptsToItsAccessRequest() throws {
        let c11 = try SecurityVectors.vector("c11-general-ciphering-agreed-key-one-pass")
        var pipeline = SecurityPipeline(keys: try Self.c11Keys())
        let record = try pipeline.feed(try c11.input("apdu"))
        let security = try #require(record.security)
        #expect(security.envelope == "general-ciphering")
        #expect(security.key == .agreed)
        #expect(security.signature == .valid)
        #expect(security.plaintext == (try c11.expect("plaintext_apdu")))
        #expect(record.apdu?.apdu?.tag == AccessRequest.tag)
        // The Green Book's tag reproduces under no public AAD construction: unchecked, and said why.
        #expect(security.tag == .unchecked)
        #expect(record.hasFinding(.authenticityUnchecked))
        #expect(!record.findings.contains { $0.severity == .error }, "\(record.findings)")
    }

    @Test func withoutTheAuthenticationKeyTheTagIsUncheckedWithoutComment() throws {
        let c11 = try SecurityVectors.vector("c11-general-ciphering-agreed-key-one-pass")
        var keys = try Self.c11Keys()
        keys.meters[try SecurityVectors.hex("4D4D4D0000000001")]?.ak = nil
        var pipeline = SecurityPipeline(keys: keys)
        let record = try pipeline.feed(try c11.input("apdu"))
        #expect(record.security?.tag == .unchecked)
        #expect(record.security?.decrypted == true)
        #expect(!record.hasFinding(.authenticityUnchecked))
    }

    @Test func alteredEphemeralKeySignatureIsInvalid() throws {
        let c11 = try SecurityVectors.vector("c11-general-ciphering-agreed-key-one-pass")
        var apdu = try c11.input("apdu")
        // The signature is the last 64 bytes of key-ciphered-data, before the content's 81 EB.
        let contentStart = try #require(Self.index(of: [0x81, 0xEB, 0x31], in: apdu))
        apdu[contentStart - 1] ^= 0x01
        var pipeline = SecurityPipeline(keys: try Self.c11Keys())
        let record = try pipeline.feed(apdu)
        #expect(record.security?.signature == .invalid)
        #expect(record.hasFinding(.signatureInvalid))
    }

    @Test func alteredEphemeralKeyIsRejected() throws {
        let c11 = try SecurityVectors.vector("c11-general-ciphering-agreed-key-one-pass")
        var apdu = try c11.input("apdu")
        let keyStart = try #require(Self.index(of: try SecurityVectors.hex("C323C2BD"), in: apdu))
        apdu[keyStart + 10] ^= 0x01
        var pipeline = SecurityPipeline(keys: try Self.c11Keys())
        let record = try pipeline.feed(apdu)
        // Off the curve, or a different key whose signature fails and whose Z gives garbage.
        #expect(record.hasFinding(.keyAgreementFailed) || record.hasFinding(.signatureInvalid), "\(record.findingCodes)")
        #expect(record.security?.signature != .valid)
    }

    @Test func withoutTheRecipientsAgreementKeyTheKeyIsMissing() throws {
        let c11 = try SecurityVectors.vector("c11-general-ciphering-agreed-key-one-pass")
        var keys = try Self.c11Keys()
        keys.meters[try SecurityVectors.hex("4D4D4D0000000001")]?.agreementKey = nil
        var pipeline = SecurityPipeline(keys: keys)
        let record = try pipeline.feed(try c11.input("apdu"))
        #expect(record.hasFinding(.keyMissing))
        #expect(record.security?.decrypted == false)
        #expect(record.apdu?.apdu?.tag == GeneralCiphering.tag)
    }

    /// The Static Unified Model example's ciphertext [c12] decrypts with its key, and its tag
    /// verifies under neither AAD form implementations use: the reason tags stay unchecked.
    @Test func greenBookStaticUnifiedTagMatchesNoPublishedConstruction() throws {
        let c12 = try SecurityVectors.vector("c12-general-ciphering-static-unified-model")
        let sealed = try c12.expect("ciphertext_and_tag")
        let content = try #require(CipheredContent(
            header: SecurityHeader(securityControl: SecurityControl(rawValue: 0x31), invocationCounter: 0),
            text: Array(sealed.dropLast(12)), tag: Array(sealed.suffix(12))
        ))
        let ak = try SecurityVectors.vector("c11-general-ciphering-agreed-key-one-pass").input("AK")
        for form in GeneralCipheringAuthentication.allCases {
            let opening = try CipheredContentOpener.open(
                content, systemTitle: try c12.input("originator_system_title"), encryptionKey: try c12.input("key"),
                authenticationKey: ak,
                extraAuthenticatedData: form.extraAuthenticatedData(
                    transactionId: try c12.input("transaction_id"),
                    originatorSystemTitle: try c12.input("originator_system_title"),
                    recipientSystemTitle: try c12.input("recipient_system_title"), dateTime: [], otherInformation: []
                )
            )
            #expect(opening.plaintext == (try c12.input("plaintext_apdu")))
            #expect(opening.tag == .invalid, "\(form) unexpectedly verifies the Green Book tag: make it normative")
        }
    }

    // MARK: Key-info kinds, sealed here with the published constructions

    static let client = Hex.decode("4D4D4D0000000001") ?? []
    static let meter = Hex.decode("4D4D4D0000BC614E") ?? []
    static let ek = Hex.decode("000102030405060708090A0B0C0D0E0F") ?? []
    static let ak = Hex.decode("D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF") ?? []
    static let kek = Hex.decode("000102030405060708090A0B0C0D0E0F") ?? []

    static func generalCiphering(
        _ plaintext: [UInt8], key: [UInt8], keyInfo: KeyInfo?, from originator: [UInt8], to recipient: [UInt8],
        control: UInt8 = 0x31, ic: UInt32 = 1, form: GeneralCipheringAuthentication = .securityControlAndKey
    ) throws -> [UInt8] {
        let transaction: [UInt8] = [1, 2, 3, 4, 5, 6, 7, 8]
        let content = try CipheredContentOpener.seal(
            plaintext: plaintext, securityControl: SecurityControl(rawValue: control), invocationCounter: ic,
            systemTitle: originator, encryptionKey: key, authenticationKey: ak,
            extraAuthenticatedData: form.extraAuthenticatedData(
                transactionId: transaction, originatorSystemTitle: originator, recipientSystemTitle: recipient,
                dateTime: [], otherInformation: []
            )
        )
        var bytes: [UInt8] = []
        GeneralCiphering(
            transactionId: AXDROctetString(transaction), originatorSystemTitle: AXDROctetString(originator),
            recipientSystemTitle: AXDROctetString(recipient), keyInfo: keyInfo, content: content
        ).encode(into: &bytes)
        return bytes
    }

    @Test(arguments: GeneralCipheringAuthentication.allCases)
    func identifiedKeyTagVerifiesUnderEitherForm(_ form: GeneralCipheringAuthentication) throws {
        let apdu = try Self.generalCiphering(
            APDUs.getClock, key: Self.ek, keyInfo: .identifiedKey(KeyID(rawValue: 0)), from: Self.client, to: Self.meter,
            form: form
        )
        var pipeline = SecurityPipeline(keys: KeyStore(meters: [Self.meter: KeySet(ek: Self.ek, ak: Self.ak)]))
        let record = try pipeline.feed(apdu)
        #expect(record.security?.tag == .valid)
        #expect(record.security?.key == .globalUnicast)
        #expect(record.security?.plaintext == APDUs.getClock)
        #expect(record.findings.isEmpty, "\(record.findings)")
    }

    @Test func wrappedKeyUnwrapsWithTheMasterKey() throws {
        // RFC 3394 §4.1 [c13]: key 0011…EEFF wrapped under KEK 0001…0F.
        let c13 = try SecurityVectors.vector("c13-aes-key-wrap-128")
        let apdu = try Self.generalCiphering(
            APDUs.clockValue, key: try c13.input("key"),
            keyInfo: .wrappedKey(kekId: KEKID(rawValue: 0), keyCipheredData: AXDROctetString(try c13.expect("wrapped"))),
            from: Self.meter, to: Self.client
        )
        var pipeline = SecurityPipeline(keys: KeyStore(meters: [Self.meter: KeySet(ak: Self.ak, kek: try c13.input("kek"))]))
        let record = try pipeline.feed(apdu)
        #expect(record.security?.key == .transported)
        #expect(record.security?.tag == .valid)
        #expect(record.security?.plaintext == APDUs.clockValue)
    }

    @Test func alteredWrappedKeyFailsItsIntegrityCheck() throws {
        let c13 = try SecurityVectors.vector("c13-aes-key-wrap-128")
        var wrapped = try c13.expect("wrapped")
        wrapped[3] ^= 0x80
        let apdu = try Self.generalCiphering(
            APDUs.clockValue, key: try c13.input("key"),
            keyInfo: .wrappedKey(kekId: KEKID(rawValue: 0), keyCipheredData: AXDROctetString(wrapped)),
            from: Self.meter, to: Self.client
        )
        var pipeline = SecurityPipeline(keys: KeyStore(meters: [Self.meter: KeySet(ak: Self.ak, kek: try c13.input("kek"))]))
        let record = try pipeline.feed(apdu)
        #expect(record.hasFinding(.keyUnwrapFailed))
        #expect(record.security?.decrypted == false)
    }

    /// Suite 2: P-384 One-Pass DH with the c15 keys (U ephemeral, V static), SHA-384 KDF,
    /// AES-GCM-256 [c15], the ephemeral key signed by a P-384 signing key.
    @Test func suite2OnePassDiffieHellman() throws {
        let c15 = try SecurityVectors.vector("c15-suite2-ecdh-kdf-p384")
        let ephemeral = try ECPrivateKey(curve: .p384, scalar: try c15.input("party_u_private"))
        let signing = try ECPrivateKey.generate(curve: .p384)
        let key = try KeyDerivation.cipheringKey(
            curve: .p384, sharedSecret: try ephemeral.sharedSecret(with: ECPublicKey(point: try c15.input("party_v_public"))),
            partyU: Self.meter, partyV: Self.client
        )
        #expect(key == (try c15.expect("aes_gcm_256_key")))
        let point = ephemeral.publicKey.point
        let apdu = try Self.generalCiphering(
            APDUs.clockValue, key: key,
            keyInfo: .agreedKey(keyParameters: [0x01], keyCipheredData: AXDROctetString(point + (try signing.signature(for: point)))),
            from: Self.meter, to: Self.client, control: 0x32
        )
        let keys = KeyStore(
            meters: [Self.meter: KeySet(ak: Self.ak, signingPublicKey: .point(signing.publicKey.point))],
            clients: [Self.client: KeySet(agreementKey: .scalar(try c15.input("party_v_private")))]
        )
        var pipeline = SecurityPipeline(keys: keys)
        let record = try pipeline.feed(apdu)
        #expect(record.security?.key == .agreed)
        #expect(record.security?.signature == .valid)
        #expect(record.security?.tag == .valid)
        #expect(record.security?.suite == 2)
        #expect(record.security?.plaintext == APDUs.clockValue)
        #expect(!record.hasFinding(.securitySuiteMismatch))
    }

    @Test func staticUnifiedModelWithEitherOtherInfo() throws {
        let c08 = try SecurityVectors.vector("c08-ecdh-one-pass-dh-to-server")
        let c10 = try SecurityVectors.vector("c10-ecdh-one-pass-dh-to-client")
        // Client static (c10) and server static (c08) agreement keys; the client originates.
        let clientKey = try ECPrivateKey(curve: .p256, scalar: try c10.input("client_static_private"))
        let secret = try clientKey.sharedSecret(with: ECPublicKey(point: try c08.input("server_static_public")))
        for between in [[], [8, 1, 2, 3, 4, 5, 6, 7, 8]] as [[UInt8]] {
            let key = try KeyDerivation.cipheringKey(
                curve: .p256, sharedSecret: secret, partyU: Self.client, partyV: Self.meter, between: between
            )
            let apdu = try Self.generalCiphering(
                APDUs.getClock, key: key, keyInfo: .agreedKey(keyParameters: [0x02], keyCipheredData: []),
                from: Self.client, to: Self.meter
            )
            let keys = KeyStore(
                meters: [Self.meter: KeySet(ak: Self.ak, agreementKey: .scalar(try c08.input("server_static_private")))],
                clients: [Self.client: KeySet(agreementPublicKey: .point(try c10.input("client_static_public")))]
            )
            var pipeline = SecurityPipeline(keys: keys)
            let record = try pipeline.feed(apdu)
            #expect(record.security?.key == .agreed)
            #expect(record.security?.tag == .valid, "OtherInfo with \(between.count) bytes between the titles")
            #expect(record.security?.plaintext == APDUs.getClock)
        }
    }

    static func index(of pattern: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= pattern.count else { return nil }
        return (0...(bytes.count - pattern.count)).first { Array(bytes[$0..<($0 + pattern.count)]) == pattern }
    }
}
