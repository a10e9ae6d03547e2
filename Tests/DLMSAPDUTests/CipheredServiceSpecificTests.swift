import DLMSAPDU
import DLMSCore
import DLMSTestSupport
import Foundation
import Testing

/// The security header, the policy split of the ciphered content, and the
/// glo-/ded- APDUs: the a-vectors of ../shared/vectors and the Gurux
/// reference cases (SC, IC and tag taken from the oracle's tag-check lines).
@Suite struct CipheredServiceSpecificTests {
    @Test func securityControlBitsAreNamed() {
        let control = SecurityControl(rawValue: 0x31)
        #expect(control.suiteID == 1 && control.suite.name == "ECDH-ECDSA-AES-GCM-128-SHA-256")
        #expect(control.authenticated && control.encrypted && !control.broadcastKey && !control.compressed)
        let broadcast = SecurityControl(rawValue: 0xC2)
        #expect(broadcast.suiteID == 2 && broadcast.broadcastKey && broadcast.compressed)
        #expect(!broadcast.authenticated && !broadcast.encrypted)
        #expect(SecurityControl(suite: 0, authenticated: true, encrypted: false).rawValue == 0x10)
        #expect(SecurityControl(suite: 2, authenticated: true, encrypted: true, broadcastKey: true, compressed: true).rawValue == 0xF2)
        #expect(SecurityControl(rawValue: 0x0F).suite.name == nil)
    }

    /// SC 30 / 20 / 10 / 00: the parts after the header, per spec-notes §4.2.
    @Test func contentIsSplitByThePolicy() throws {
        let header = "01234567"
        let both = try CipheredContent(decoding: bytes("30" + header + "AABBCC" + "000102030405060708090A0B")[...])
        #expect(both.text == [0xAA, 0xBB, 0xCC] && both.tag == bytes("000102030405060708090A0B") && both.isEncrypted)
        let encryptionOnly = try CipheredContent(decoding: bytes("20" + header + "AABBCC000102030405060708090A0B")[...])
        #expect(encryptionOnly.text.count == 15 && encryptionOnly.tag == nil)
        let authenticationOnly = try CipheredContent(decoding: bytes("10" + header + "C0" + "000102030405060708090A0B")[...])
        #expect(authenticationOnly.text == [0xC0] && authenticationOnly.tag?.count == 12 && !authenticationOnly.isEncrypted)
        let none = try CipheredContent(decoding: bytes("00" + header + "C001")[...])
        #expect(none.text == [0xC0, 0x01] && none.tag == nil)
        #expect(none.invocationCounter == 0x01234567)
        // An authenticated content with nothing but the tag is allowed (empty plaintext).
        #expect(try CipheredContent(decoding: bytes("10" + header + "000102030405060708090A0B")[...]).text.isEmpty)
        for content in [both, encryptionOnly, authenticationOnly, none] {
            #expect(try CipheredContent(decoding: content.encoded[...]) == content)
        }
    }

    @Test func tagPresenceMustMatchThePolicyWhenBuilt() {
        let authenticated = SecurityHeader(securityControl: SecurityControl(rawValue: 0x30), invocationCounter: 1)
        let encrypted = SecurityHeader(securityControl: SecurityControl(rawValue: 0x20), invocationCounter: 1)
        #expect(CipheredContent(header: authenticated, text: [1], tag: nil) == nil)
        #expect(CipheredContent(header: authenticated, text: [1], tag: [1, 2, 3]) == nil)
        #expect(CipheredContent(header: authenticated, text: [1], tag: [UInt8](repeating: 0, count: 12)) != nil)
        #expect(CipheredContent(header: encrypted, text: [1], tag: [UInt8](repeating: 0, count: 12)) == nil)
        #expect(CipheredContent(header: encrypted, text: [], tag: nil) != nil)
    }

    @Test func everyServiceSpecificTagNamesItsService() throws {
        #expect(ServiceSpecificCipheredAPDU.tags.count == 32)
        for tag in ServiceSpecificCipheredAPDU.tags {
            let name = try #require(ServiceSpecificCipheredAPDU.name(of: tag))
            #expect(APDUTag.name(tag) == name, "tag \(Hex.encode([tag]))")
            let content = try #require(CipheredContent(
                header: SecurityHeader(securityControl: SecurityControl(rawValue: 0x20), invocationCounter: 7), text: [1], tag: nil
            ))
            let apdu = try #require(ServiceSpecificCipheredAPDU(tag: tag, content: content))
            // glo-X = X + 0x20 or X + 0x08, ded-X = X + 0x40 or X + 0x10 (spec-notes §2)
            let offset: UInt8 = switch (apdu.key, tag < 0x80) {
            case (.global, true): 0x20
            case (.dedicated, true): 0x40
            case (.global, false): 0x08
            case (.dedicated, false): 0x10
            }
            #expect(apdu.serviceTag == tag - offset)
            #expect(name == (apdu.key == .global ? "glo-" : "ded-") + apdu.serviceName)
            #expect(ServiceSpecificCipheredAPDU.cipheredTag(service: apdu.serviceTag, key: apdu.key) == tag)
            #expect(ServiceSpecificCipheredAPDU(service: apdu.serviceTag, key: apdu.key, content: content) == apdu)
            #expect(try apdu.roundTrips())
        }
        #expect(ServiceSpecificCipheredAPDU.name(of: 0xCE) == nil)
        #expect(ServiceSpecificCipheredAPDU.cipheredTag(service: 0xD9, key: .global) == nil)
        let content = try CipheredContent(decoding: bytes("2000000001")[...])
        #expect(ServiceSpecificCipheredAPDU(tag: 0xDB, content: content) == nil)
        #expect(ServiceSpecificCipheredAPDU(tag: 0xC8, content: content)?.serviceName == "get-request")
        #expect(ServiceSpecificCipheredAPDU(tag: 0x2E, content: content)?.serviceName == "confirmed-service-error")
        #expect(ServiceSpecificCipheredAPDU(tag: 0x58, content: content)?.serviceName == "information-report-request")
    }

    /// a01–a05, a13: the ciphered APDU with its expected ciphertext and tag.
    @Test(arguments: [
        "a01-glo-initiate-request-AE", "a02-glo-get-request-AE", "a03-glo-get-request-E", "a04-glo-get-request-A",
        "a05-glo-get-request-A-systitle-KAM", "a05-glo-get-request-E-systitle-KAM",
        "a05-glo-get-request-AE-systitle-KAM", "a13-ded-get-request-AE",
    ])
    func vectorsSplitIntoHeaderTextAndTag(id: String) throws {
        let vector = try #require(try DataVectors.all()[id])
        let input = try CipheredFixtures.hexValue(vector, "expected", "ciphered_apdu")
        let apdu = try ServiceSpecificCipheredAPDU.decodingAll(input)
        let control = try CipheredFixtures.hexValue(vector, "inputs", "security_control")
        #expect([apdu.content.securityControl.rawValue] == control)
        let counter = try CipheredFixtures.hexValue(vector, "inputs", "invocation_counter")
        #expect(SecurityHeaderBytes.of(apdu.content.invocationCounter) == counter)
        let plaintext = try CipheredFixtures.hexValue(vector, "inputs", "plaintext_apdu")
        if apdu.content.isEncrypted {
            // GCM: the ciphertext is as long as the plaintext.
            #expect(apdu.content.text.count == plaintext.count)
            if let ciphertext = (vector["expected"] as? [String: Any])?["ciphertext"] as? String {
                #expect(apdu.content.text == Hex.decode(ciphertext))
            }
        } else {
            #expect(apdu.content.text == plaintext)
        }
        if let tag = (vector["expected"] as? [String: Any])?["tag"] as? String {
            #expect(apdu.content.tag == Hex.decode(tag))
        }
        #expect((apdu.content.tag != nil) == apdu.content.securityControl.authenticated)
        #expect(apdu.key == (id.hasPrefix("a13") ? .dedicated : .global))
        #expect(apdu.serviceName == (id.hasPrefix("a01") ? "initiate-request" : "get-request"))
        #expect(apdu.encodedBytes == input)
    }

    @Test func realMeterAuthenticationOnlyVectorA06() throws {
        let vector = try DataVectors.vector("a06")
        let payload = try CipheredFixtures.hexValue(vector, "expected", "security_header_and_payload")
        let apdu = try ServiceSpecificCipheredAPDU.decodingAll([0xC8] + payload)
        #expect(apdu.content.securityControl.rawValue == 0x10)
        #expect(apdu.content.invocationCounter == 0xDD1628BB)
        #expect(apdu.content.text == (try CipheredFixtures.hexValue(vector, "inputs", "plaintext_apdu")))
        #expect(apdu.content.tag == bytes("84E00541CCC73874C70B8F0C"))
    }

    @Test func longFormLengthVectorA07() throws {
        let vector = try DataVectors.vector("a07")
        let input = try CipheredFixtures.hexValue(vector, "inputs", "ciphered_apdu")
        let apdu = try ServiceSpecificCipheredAPDU.decodingAll(input)
        #expect(apdu.name == "glo-get-response")
        #expect(apdu.lengthForm == .canonical)
        #expect(apdu.content.encodedCount == 0x0409)
        #expect(apdu.content.securityControl.rawValue == 0x20 && apdu.content.invocationCounter == 0x2B)
        #expect(apdu.content.tag == nil)
        let plaintext = try CipheredFixtures.hexValue(vector, "expected", "plaintext_apdu")
        #expect(apdu.content.text.count == plaintext.count)
        #expect(apdu.encodedBytes == input)
    }

    @Test func gloInitiateResponseInsideTheRLREOfVectorA12() throws {
        let vector = try DataVectors.vector("a12")
        let rlre = try CipheredFixtures.hexValue(vector, "inputs", "rlre")
        // 63 28 | 80 01 00 | BE 23 04 21 | glo-initiate-response
        try #require(rlre.count > 9 && Array(rlre[5...8]) == [0xBE, 0x23, 0x04, 0x21])
        let apdu = try ServiceSpecificCipheredAPDU.decodingAll(Array(rlre[9...]))
        #expect(apdu.tag == 0x28 && apdu.serviceName == "initiate-response" && apdu.key == .global)
        #expect(apdu.content.securityControl.rawValue == 0x30 && apdu.content.invocationCounter == 0x01234567)
        let plaintext = try CipheredFixtures.hexValue(vector, "expected", "plaintext_apdu")
        #expect(apdu.content.text.count == plaintext.count)
    }

    /// The reference cases of glo-/ded- APDUs; SC, IC and the wire tag come
    /// from the oracle's `oracle-tag-check` line.
    @Test(arguments: [
        ("36_glo_get_request_auth_10", "glo_GetRequest"), ("37_glo_get_request_enc_20", "glo_GetRequest"),
        ("38_glo_get_request_authenc_30", "glo_GetRequest"), ("39_glo_get_request_bad_tag_30", "glo_GetRequest"),
        ("40_glo_get_request_bad_tag_10", "glo_GetRequest"), ("41_glo_get_request_wrong_key", "glo_GetRequest"),
        ("42_glo_set_request_30", "glo_SetRequest"), ("43_glo_action_request_30", "glo_ActionRequest"),
        ("44_glo_get_response_30_array100", "glo_GetResponse"),
        ("45_glo_get_response_30_no_server_systitle", "glo_GetResponse"), ("46_ded_get_request_30", "ded_GetRequest"),
        ("47_ded_get_response_30", "ded_GetResponse"), ("53_glo_get_request_suite1_31", "glo_GetRequest"),
        ("54_glo_get_request_suite2_32", "glo_GetRequest"), ("82_glo_event_notification_30", "glo_EventNotificationRequest"),
    ])
    func referenceCasesDecode(name: String, element: String) throws {
        let input = try GuruxCase.apdu(name)
        let apdu = try ServiceSpecificCipheredAPDU.decodingAll(input)
        #expect(apdu.key == (element.hasPrefix("ded") ? .dedicated : .global))
        #expect(apdu.cipheredBytes == Array(input.suffix(apdu.content.encodedCount)))
        #expect(apdu.encodedBytes == input)
        if let check = try OracleTagCheck.of(name) {
            #expect(apdu.content.securityControl.rawValue == check.securityControl, "\(name)")
            #expect(apdu.content.invocationCounter == check.invocationCounter, "\(name)")
            #expect(apdu.content.tag == check.tag, "\(name)")
        }
    }
}

/// The `<!--oracle-tag-check: ... (SC=30 IC=01234567 tag=... | wire=...)-->`
/// line of a reference case.
struct OracleTagCheck {
    var securityControl: UInt8
    var invocationCounter: UInt32
    /// The tag on the wire; nil when the SC has none.
    var tag: [UInt8]?

    static func of(_ name: String) throws -> OracleTagCheck? {
        let text = try String(contentsOfFile: Fixtures.shared("reference/gurux/\(name).xml"), encoding: .utf8)
        guard let line = text.split(separator: "\n").first(where: { $0.contains("oracle-tag-check") }),
              let open = line.firstIndex(of: "("), let close = line.lastIndex(of: ")")
        else { return nil }
        var values: [String: String] = [:]
        for part in line[line.index(after: open)..<close].split(separator: " ") {
            let pair = part.split(separator: "=", maxSplits: 1)
            if pair.count == 2 { values[String(pair[0])] = String(pair[1]) }
        }
        guard let control = values["SC"].flatMap({ UInt8($0, radix: 16) }) else { return nil }
        // "SC=20: encryption only" has no IC in the line.
        let counter = values["IC"].flatMap { UInt32($0, radix: 16) }
        guard let counter else { return nil }
        return OracleTagCheck(
            securityControl: control, invocationCounter: counter,
            tag: (values["wire"] ?? values["tag"]).flatMap { Hex.decode($0) }
        )
    }
}

/// The 4 big-endian bytes of an invocation counter.
enum SecurityHeaderBytes {
    static func of(_ counter: UInt32) -> [UInt8] {
        [UInt8(counter >> 24), UInt8(counter >> 16 & 0xFF), UInt8(counter >> 8 & 0xFF), UInt8(counter & 0xFF)]
    }
}
