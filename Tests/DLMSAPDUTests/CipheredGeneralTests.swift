import DLMSAPDU
import DLMSCore
import DLMSTestSupport
import Foundation
import Testing

/// general-glo-ciphering, general-ded-ciphering, general-ciphering and
/// general-signing: vectors a10, a11, h02, c11, c13, c14 and reference
/// cases 48–52, 55–57, 71.
@Suite struct CipheredGeneralTests {
    @Test func generalGloCipheringVectorA10() throws {
        let vector = try DataVectors.vector("a10")
        let input = try CipheredFixtures.hexValue(vector, "inputs", "apdu")
        let apdu = try GeneralGloDedCiphering.decodingAll(input)
        #expect(apdu.key == .global && apdu.tag == 0xDB)
        #expect(apdu.systemTitle.bytes == (try CipheredFixtures.hexValue(vector, "expected", "system_title")))
        #expect([apdu.content.securityControl.rawValue] == (try CipheredFixtures.hexValue(vector, "expected", "security_control")))
        #expect(SecurityHeaderBytes.of(apdu.content.invocationCounter)
            == (try CipheredFixtures.hexValue(vector, "expected", "invocation_counter")))
        let plaintext = try CipheredFixtures.hexValue(vector, "expected", "plaintext_apdu")
        #expect(apdu.content.text.count == plaintext.count)
        #expect(apdu.content.tag?.count == 12)
        #expect(!apdu.usesAssociationSystemTitle)
        #expect(apdu.encodedBytes == input)
    }

    /// The 13 UDP WRAPPER pushes of a10's data file: same title, increasing counters (1ED is not among them).
    @Test func generalGloCipheringPushesOfTheU9nDataFile() throws {
        let text = try String(contentsOfFile: Fixtures.shared("vectors/data/u9n_udp_wrapper_general_glo_ciphering.hex"), encoding: .utf8)
        let lines = text.split(whereSeparator: { $0.isNewline }).filter { !$0.hasPrefix("#") }.compactMap { Hex.decode($0) }
        #expect(lines.count == 13)
        var counters: [UInt32] = []
        for pdu in lines {
            // 8-byte WRAPPER header: version, source, destination, length.
            let apdu = try GeneralGloDedCiphering.decodingAll(Array(pdu.dropFirst(8)))
            #expect(apdu.systemTitle.bytes == bytes("2F19229199164103"))
            #expect(apdu.content.securityControl.rawValue == 0x30)
            counters.append(apdu.content.invocationCounter)
            #expect(apdu.encodedBytes == Array(pdu.dropFirst(8)))
        }
        #expect(counters.first == 0x1E5)
        #expect(zip(counters, counters.dropFirst()).allSatisfy { $1 > $0 })
        #expect(counters.last == 0x1F2)
    }

    @Test func emptySystemTitleVectorA11() throws {
        let vector = try DataVectors.vector("a11")
        let input = try CipheredFixtures.hexValue(vector, "inputs", "apdu")
        let apdu = try GeneralGloDedCiphering.decodingAll(input)
        #expect(apdu.systemTitle.isEmpty && apdu.usesAssociationSystemTitle)
        #expect(apdu.content.encodedCount == 30)
        #expect(apdu.content.securityControl.rawValue == 0x30 && apdu.content.invocationCounter == 0x800000D1)
        #expect(apdu.content.text.count == 30 - 5 - 12)
        #expect(apdu.encodedBytes == input)
    }

    @Test func wrapperPushVectorH02() throws {
        let vector = try DataVectors.vector("h02")
        let pdu = try CipheredFixtures.hexValue(vector, "inputs", "pdu")
        let apdu = try GeneralGloDedCiphering.decodingAll(Array(pdu.dropFirst(8)))
        #expect(apdu.systemTitle.bytes == bytes("2F19229199164103") && apdu.content.invocationCounter == 0x1E5)
    }

    @Test(arguments: [
        ("48_general_glo_ciphering_notification_30", "4D4D4D0000000001"),
        ("49_general_glo_ciphering_request_10", "4D4D4D0000BC614E"),
        ("50_general_glo_ciphering_bad_tag_10", "4D4D4D0000BC614E"),
        ("51_general_glo_ciphering_enc_20", "4D4D4D0000BC614E"),
        ("52_general_ded_ciphering_30", "4D4D4D0000BC614E"),
    ])
    func referenceCases(name: String, systemTitle: String) throws {
        let input = try GuruxCase.apdu(name)
        let apdu = try GeneralGloDedCiphering.decodingAll(input)
        #expect(apdu.key == (name.contains("_ded_") ? .dedicated : .global))
        #expect(apdu.systemTitle.bytes == bytes(systemTitle))
        // Case 51's check line has no IC (SC 20: no tag); its header reads 20 00000302.
        let fallback = name.hasPrefix("51") ? OracleTagCheck(securityControl: 0x20, invocationCounter: 0x302, tag: nil) : nil
        let check = try #require(try OracleTagCheck.of(name) ?? fallback)
        #expect(apdu.content.securityControl.rawValue == check.securityControl)
        #expect(apdu.content.invocationCounter == check.invocationCounter)
        #expect(apdu.content.tag == check.tag)
        #expect(apdu.encodedBytes == input)
    }

    @Test func wrapperFrameOfReferenceCase71() throws {
        let frame = try GuruxCase.apdu("71_wrapper_data_notification_ciphered")
        let apdu = try GeneralGloDedCiphering.decodingAll(Array(frame.dropFirst(8)))
        #expect(apdu.systemTitle.bytes == bytes("4D4D4D0000000001") && apdu.content.invocationCounter == 0x500)
    }

    @Test func generalCipheringWithOnePassDiffieHellmanVectorC11() throws {
        let vector = try DataVectors.vector("c11")
        let input = try CipheredFixtures.hexValue(vector, "inputs", "apdu")
        let expected = try #require((vector["expected"] as? [String: Any])?["fields"] as? [String: Any])
        func field(_ key: String) throws -> [UInt8] {
            let text = try #require(expected[key] as? String, "no \(key)")
            return try #require(Hex.decode(text), "\(key) is not hex")
        }
        let apdu = try GeneralCiphering.decodingAll(input)
        #expect(apdu.transactionId.bytes == (try field("transaction_id")))
        #expect(apdu.originatorSystemTitle.bytes == (try field("originator_system_title")))
        #expect(apdu.recipientSystemTitle.bytes == (try field("recipient_system_title")))
        #expect(apdu.dateTime.bytes == (try field("date_time")))
        #expect(apdu.otherInformation.bytes == (try field("other_information")))
        guard case let .agreedKey(parameters, data)? = apdu.keyInfo else {
            Issue.record("key-info is not an agreed key")
            return
        }
        #expect(apdu.keyInfo?.choice.name == "agreed-key")
        #expect(parameters.bytes == (try field("key_parameters")))
        #expect(apdu.keyInfo?.keyAgreementScheme?.name == "one-pass-diffie-hellman")
        #expect(data.bytes == (try field("key_ciphered_data")))
        #expect(apdu.content.encodedCount == (expected["ciphered_content_length"] as? Int))
        #expect([apdu.content.securityControl.rawValue] == (try field("security_control")))
        #expect(SecurityHeaderBytes.of(apdu.content.invocationCounter) == (try field("invocation_counter")))
        // Suite 1: a P-256 public key x ‖ y (64 bytes) and its signature r ‖ s (64 bytes).
        let (publicKey, signature) = try #require(apdu.ephemeralPublicKeyAndSignature)
        #expect(publicKey == Array(data.bytes.prefix(64)) && signature == Array(data.bytes.suffix(64)))
        #expect(publicKey.prefix(4) == [0xC3, 0x23, 0xC2, 0xBD])
        let plaintext = try CipheredFixtures.hexValue(vector, "expected", "plaintext_apdu")
        #expect(apdu.content.text.count == plaintext.count)
        #expect(apdu.encodedBytes == input)
        // The key sizes of suite 2 do not fit 128 bytes; suite 0 has none.
        #expect(apdu.keyInfo?.ephemeralPublicKeyAndSignature(suite: SecuritySuite(rawValue: 2)) == nil)
        #expect(apdu.keyInfo?.ephemeralPublicKeyAndSignature(suite: SecuritySuite(rawValue: 0)) == nil)
    }

    @Test func generalCipheringReferenceCases55And56() throws {
        let noKeyInfo = try GeneralCiphering.decodingAll(try GuruxCase.apdu("55_general_ciphering_no_key_info"))
        #expect(noKeyInfo.transactionId.bytes == bytes("0000000000000400"))
        #expect(noKeyInfo.originatorSystemTitle.bytes == bytes("4D4D4D0000BC614E"))
        #expect(noKeyInfo.recipientSystemTitle.bytes == bytes("4D4D4D0000000001"))
        #expect(noKeyInfo.dateTime.isEmpty && noKeyInfo.otherInformation.isEmpty && noKeyInfo.keyInfo == nil)
        #expect(noKeyInfo.content.securityControl.rawValue == 0x30 && noKeyInfo.content.invocationCounter == 0x400)
        // 30 bytes: SC, IC, 13 bytes of ciphertext, the 12-byte tag.
        #expect(noKeyInfo.content.text.count == 13)
        #expect(noKeyInfo.content.tag == bytes("5840A48967F48FB7C843F3EB"))

        let staticModel = try GeneralCiphering.decodingAll(try GuruxCase.apdu("56_general_ciphering_agreed_key_static"))
        #expect(staticModel.keyInfo == .agreedKey(keyParameters: [0x02], keyCipheredData: []))
        #expect(staticModel.keyInfo?.keyAgreementScheme?.name == "static-unified-model")
        #expect(staticModel.ephemeralPublicKeyAndSignature == nil)
        #expect(staticModel.content == noKeyInfo.content)
        for name in ["55_general_ciphering_no_key_info", "56_general_ciphering_agreed_key_static"] {
            let input = try GuruxCase.apdu(name)
            #expect(try GeneralCiphering.decodingAll(input).encodedBytes == input)
        }
    }

    /// identified-key and wrapped-key (the RFC 3394 outputs of c13 and c14) built and decoded.
    @Test func generalCipheringWithIdentifiedAndWrappedKeys() throws {
        let content = try CipheredContent(decoding: bytes("31 00000001 AABB 000102030405060708090A0B")[...])
        let identified = GeneralCiphering(
            transactionId: [1, 2], originatorSystemTitle: AXDROctetString(bytes("4D4D4D0000BC614E")),
            recipientSystemTitle: AXDROctetString(bytes("4D4D4D0000000001")),
            keyInfo: .identifiedKey(KeyID(rawValue: 1)), content: content
        )
        let encoded = identified.encodedBytes
        #expect(encoded == bytes(
            "DD 02 0102 08 4D4D4D0000BC614E 08 4D4D4D0000000001 00 00 01 00 01 13 3100000001AABB000102030405060708090A0B"
        ))
        #expect(try GeneralCiphering.decodingAll(encoded) == identified)
        #expect(identified.keyInfo?.choice.name == "identified-key")

        for id in ["c13", "c14"] {
            let wrapped = try CipheredFixtures.hexValue(try DataVectors.vector(id), "expected", "wrapped")
            #expect(wrapped.count == 24)
            var apdu = identified
            apdu.keyInfo = .wrappedKey(kekId: KEKID(rawValue: 0), keyCipheredData: AXDROctetString(wrapped))
            let bytes = apdu.encodedBytes
            // ... 00 00 | 01 01 00 18 <24 bytes> | content
            #expect(Array(bytes[24..<28]) == [0x01, 0x01, 0x00, 0x18])
            let decoded = try GeneralCiphering.decodingAll(bytes)
            #expect(decoded == apdu)
            #expect(decoded.keyInfo?.choice.name == "wrapped-key")
        }
    }

    @Test func generalSigningReferenceCase57() throws {
        let input = try GuruxCase.apdu("57_general_signing")
        let apdu = try GeneralSigning.decodingAll(input)
        #expect(apdu.transactionId.bytes == bytes("0000000000000001"))
        #expect(apdu.originatorSystemTitle.bytes == bytes("4D4D4D0000BC614E"))
        #expect(apdu.recipientSystemTitle.bytes == bytes("4D4D4D0000000001"))
        #expect(apdu.dateTime.isEmpty && apdu.otherInformation.isEmpty)
        #expect(apdu.content.bytes == bytes("C0010000080000010000FF0200"))
        #expect(apdu.contentTag == 0xC0)
        #expect(apdu.signature.isEmpty)
        #expect(apdu.encodedBytes == input)
    }

    @Test func generalSigningOfACipheredAPDUWithASignatureRoundTrips() throws {
        let inner = try GuruxCase.apdu("38_glo_get_request_authenc_30")
        let apdu = GeneralSigning(
            transactionId: AXDROctetString([0x01] + [UInt8](repeating: 0, count: 7) + [0x2A]),
            originatorSystemTitle: AXDROctetString(bytes("4D4D4D0000BC614E")),
            recipientSystemTitle: AXDROctetString(bytes("4D4D4D0000000001")),
            dateTime: AXDROctetString(bytes("07E8030F050E000000FFC400")), otherInformation: [0xAA],
            content: AXDROctetString(inner), signature: AXDROctetString([UInt8](repeating: 0x5A, count: 64))
        )
        #expect(apdu.contentTag == 0xC8)
        #expect(try apdu.roundTrips())
        #expect(try GeneralSigning.decodingAll(apdu.encodedBytes).content.bytes == inner)
    }

    @Test func nonCanonicalLengthsAreKept() throws {
        // System title length 81 08, content length 82 0012.
        let input = bytes("DB 8108 4D4D4D0000000001 820012 20 00000001 00112233445566778899AABBCC")
        let apdu = try GeneralGloDedCiphering.decodingAll(input)
        #expect(apdu.systemTitle.lengthForm == .long(byteCount: 1))
        #expect(apdu.contentLengthForm == .long(byteCount: 2))
        #expect(apdu.encodedBytes == input)
        let canonical = GeneralGloDedCiphering(key: .global, systemTitle: AXDROctetString(apdu.systemTitle.bytes), content: apdu.content)
        #expect(canonical.encodedBytes == bytes("DB 08 4D4D4D0000000001 12 20 00000001 00112233445566778899AABBCC"))
        let service = bytes("C8 8112 20 00000001 00112233445566778899AABBCC")
        #expect(try ServiceSpecificCipheredAPDU.decodingAll(service).encodedBytes == service)
    }
}
