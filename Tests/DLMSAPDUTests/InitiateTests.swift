import DLMSAPDU
import DLMSCore
import Foundation
import Testing

/// InitiateRequest (01), InitiateResponse (08) and the ciphered initiate APDUs
/// (21, 28, 41, 48): the vectors, round trips and hostile input.
@Suite(.timeLimit(.minutes(1))) struct InitiateTests {
    typealias Support = ACSETestSupport

    /// Compares an InitiateRequest or InitiateResponse with a vector's decoded form.
    static func mismatches(request: InitiateRequest? = nil, response: InitiateResponse? = nil, _ expected: [String: Any]) -> [String] {
        var problems: [String] = []
        func check(_ key: String, _ value: Any?) {
            guard let wanted = expected[key] else { return }
            let same: Bool
            switch value {
            case let value as String: same = (wanted as? String) == value
            case let value as Bool: same = (wanted as? Bool) == value
            case let value as Int: same = (wanted as? NSNumber)?.intValue == value
            default: same = false
            }
            if !same { problems.append("\(key): \(String(describing: value)), expected \(wanted)") }
        }
        func hex16(_ value: UInt16) -> String { Hex.encode([UInt8(value >> 8), UInt8(value & 0xFF)]) }
        if let request {
            check("tag", "01")
            check("dedicated_key", request.dedicatedKey.map { Hex.encode($0) })
            check("response_allowed", request.isResponseAllowed)
            check("proposed_dlms_version", Int(request.proposedDLMSVersion))
            check("conformance", Hex.encode(request.proposedConformance.bytes))
            check("client_max_receive_pdu_size", Int(request.clientMaxReceivePDUSize))
        }
        if let response {
            check("tag", "08")
            check("negotiated_quality_of_service", response.negotiatedQualityOfService.map { Int($0) })
            check("negotiated_dlms_version", Int(response.negotiatedDLMSVersion))
            check("conformance", Hex.encode(response.negotiatedConformance.bytes))
            check("server_max_receive_pdu_size", Int(response.serverMaxReceivePDUSize))
            check("vaa_name", hex16(response.vaaName))
        }
        return problems
    }

    @Test func initiateRequestVector() throws {
        let input = try Support.input("g11", "apdu")
        let decoded = try Support.decode(InitiateRequest.self, input)
        #expect(Self.mismatches(request: decoded.apdu, try Support.expected("g11")) == [])
        #expect(decoded.apdu.dedicatedKey == nil && decoded.apdu.responseAllowed == nil)
        #expect(decoded.apdu.proposedConformance.names == [
            "priority-mgmt-supported", "attribute0-supported-with-get", "block-transfer-with-get-or-read",
            "block-transfer-with-set-or-write", "block-transfer-with-action", "multiple-references", "get", "set",
            "selective-access", "event-notification", "action",
        ])
        #expect(decoded.notes.isEmpty && decoded.remaining.isEmpty && decoded.apdu.encoded == input)
    }

    /// a01: the Green Book InitiateRequest with a dedicated key (the glo-initiate-request's plaintext).
    @Test func initiateRequestWithDedicatedKey() throws {
        let input = try Support.input("a01", "plaintext_apdu")
        let expected = try #require(try Support.expected("a01")["decoded_plaintext"] as? [String: Any])
        let decoded = try Support.decode(InitiateRequest.self, input)
        #expect(Self.mismatches(request: decoded.apdu, expected) == [])
        #expect(decoded.apdu.dedicatedKey == Support.hex("00112233445566778899AABBCCDDEEFF"))
        #expect(decoded.notes.isEmpty && decoded.remaining.isEmpty && decoded.apdu.encoded == input)
    }

    @Test(arguments: ["g12", "g13"])
    func initiateResponseVectors(id: String) throws {
        let input = try Support.input(id, "apdu")
        let decoded = try Support.decode(InitiateResponse.self, input)
        #expect(Self.mismatches(response: decoded.apdu, try Support.expected(id)) == [], "\(id)")
        #expect(decoded.notes.isEmpty && decoded.remaining.isEmpty && decoded.apdu.encoded == input)
    }

    /// The decrypted InitiateResponses of a09 and a12.
    @Test(arguments: ["a09", "a12"])
    func decryptedInitiateResponses(id: String) throws {
        let expected = try Support.expected(id)
        let input = Support.hex(try #require(expected["plaintext_apdu"] as? String))
        let decoded = try Support.decode(InitiateResponse.self, input)
        #expect(Self.mismatches(response: decoded.apdu, try #require(expected["decoded_plaintext"] as? [String: Any])) == [])
        #expect(decoded.apdu.encoded == input)
    }

    @Test func cipheredInitiateVector() throws {
        let input = Support.hex(try #require(try Support.expected("a01")["ciphered_apdu"] as? String))
        let decoded = try Support.decode(CipheredInitiate.self, input)
        #expect(decoded.apdu.kind == .gloInitiateRequest && decoded.apdu.kind.name == "glo-initiate-request")
        #expect(decoded.apdu.securitySuite == 0 && !decoded.apdu.usesBroadcastKey && !decoded.apdu.isCompressed)
        #expect(decoded.apdu.encoded == input)
    }

    @Test func everyOptionalComponentRoundTrips() throws {
        for dedicatedKey in [nil, Array(repeating: UInt8(7), count: 32)] as [[UInt8]?] {
            for responseAllowed in [nil, true, false] as [Bool?] {
                for qualityOfService in [nil, 0, -3] as [Int8?] {
                    let request = InitiateRequest(
                        dedicatedKey: dedicatedKey, responseAllowed: responseAllowed, proposedQualityOfService: qualityOfService,
                        proposedDLMSVersion: 5, proposedConformance: Conformance([19, 20, 23].map(ConformanceBit.init(rawValue:))), clientMaxReceivePDUSize: 0)
                    let decoded = try Support.decode(InitiateRequest.self, request.encoded)
                    #expect(decoded.apdu == request && decoded.notes.isEmpty)
                    let response = InitiateResponse(
                        negotiatedQualityOfService: qualityOfService, negotiatedConformance: Conformance(rawValue: 0xFFFFFF),
                        serverMaxReceivePDUSize: 0xFFFF, vaaName: 0xFA00)
                    #expect(try Support.decode(InitiateResponse.self, response.encoded).apdu == response)
                }
            }
        }
        #expect(InitiateRequest(responseAllowed: false, proposedConformance: Conformance(rawValue: 0), clientMaxReceivePDUSize: 1).encoded
            == Support.hex("01 00 0100 00 06 5F1F0400000000 0001"))
        for kind in CipheredInitiate.Kind.allCases {
            for content in [[], Array(repeating: UInt8(0x5A), count: 300)] as [[UInt8]] {
                let ciphered = CipheredInitiate(kind: kind, securityControl: 0x20, invocationCounter: .max, cipheredContent: content)
                #expect(try Support.decode(CipheredInitiate.self, ciphered.encoded).apdu == ciphered)
            }
        }
        let longForm = CipheredInitiate(
            kind: .gloInitiateResponse, securityControl: 0x30, invocationCounter: 1, cipheredContent: [1, 2], length: .long(byteCount: 2))
        #expect(longForm.encoded == Support.hex("28 820007 3000000001 0102"))
        #expect(try Support.decode(CipheredInitiate.self, longForm.encoded).apdu == longForm)
    }

    @Test func quirksAreNotedAndKept() throws {
        // `5F 04` without the tag number, unused bits 01, response-allowed 02, a 3-byte dedicated key in `81 03`.
        let input = Support.hex("01 01 8103 AABBCC 01 02 00 06 5F 04 01 001E1D 0400")
        let decoded = try Support.decode(InitiateRequest.self, input)
        #expect(decoded.apdu.proposedConformance == Conformance(rawValue: 0x001E1D, tagForm: .withoutTagNumber, unusedBits: 1))
        #expect(decoded.apdu.responseAllowed == true)
        #expect(decoded.notes.map(\.message) == [
            "dedicated-key length written in a longer form than needed",
            "dedicated-key of 3 bytes; AES-GCM-128 and -256 keys have 16 or 32",
            "response-allowed boolean is 02; read as true, written back as 01",
            "conformance block tag written as 5F without its tag number 1F (an older encoding)",
            "conformance block declares 1 unused bits; a 24-bit block has none",
        ])
        #expect(decoded.notes.map(\.offset) == [2, 2, 8, 11, 13])
        // The noted ones that a value cannot hold are written canonically.
        #expect(decoded.apdu.encoded == Support.hex("01 01 03 AABBCC 01 01 00 06 5F 04 01 001E1D 0400"))
    }

    @Test func everyCutInitiateIsAnErrorInsideTheInput() throws {
        for hex in ["01011000112233445566778899AABBCCDDEEFF0000065F1F0400007E1F04B0", "080112065F1F0400007C1F04000007",
                    "21303001234567801302FF8A7874133D414CED25B42534D28DB0047720606B175BD52211BE6841DB204D39EE6FDB8E356855"] {
            let bytes = Support.hex(hex)
            for count in 0..<bytes.count {
                let prefix = Array(bytes.prefix(count))
                let error: DecodingError? = switch bytes[0] {
                case InitiateRequest.tag: Support.error(InitiateRequest.self, prefix)
                case InitiateResponse.tag: Support.error(InitiateResponse.self, prefix)
                default: Support.error(CipheredInitiate.self, prefix)
                }
                let offset = try #require(error, "cut at \(count) decoded").offset
                #expect(offset >= 0 && offset <= count)
            }
        }
    }

    @Test func hostileInitiateInputIsRefusedWithTheReason() {
        #expect(Support.error(InitiateRequest.self, "08") == DecodingError("InitiateRequest must start with 01, found 08", at: 0))
        #expect(Support.error(InitiateResponse.self, "") == DecodingError("data ends where InitiateResponse (08) was expected", at: 0))
        #expect(Support.error(InitiateRequest.self, "01 02")
            == DecodingError("dedicated-key usage flag must be 00 or 01, found 02", at: 1))
        #expect(Support.error(InitiateRequest.self, "01 01 84FFFFFFFF 00")
            == DecodingError("dedicated-key of 4294967295 bytes but only 1 follow", at: 2))
        #expect(Support.error(InitiateRequest.self, "01 00 00 FF")
            == DecodingError("proposed-quality-of-service usage flag must be 00 or 01, found FF", at: 3))
        #expect(Support.error(InitiateResponse.self, "08 00 06 5E")
            == DecodingError("conformance block must start with 5F, found 5E", at: 3))
        #expect(Support.error(InitiateResponse.self, "08 00 06 5F1F 05 00000000")
            == DecodingError("conformance block length is 5; it must be 4 (unused bits and 24 bits)", at: 5))
        #expect(Support.error(InitiateResponse.self, "08 00 06 5F1F04 00 0000")
            == DecodingError("conformance block needs 4 bytes after its length, 3 present", at: 6))
        #expect(Support.error(InitiateResponse.self, "08 00 06 5F1F04 00 000000 01")
            == DecodingError("server-max-receive-pdu-size needs 2 bytes, 1 present", at: 10))
        #expect(Support.error(CipheredInitiate.self, "22 00")
            == DecodingError("22 is not glo-/ded-initiate-request or -response (21, 28, 41, 48)", at: 0))
        #expect(Support.error(CipheredInitiate.self, "21 84FFFFFFFF 30")
            == DecodingError("glo-initiate-request of 4294967295 bytes but only 1 follow", at: 1))
        #expect(Support.error(CipheredInitiate.self, "48 04 30000000")
            == DecodingError("ded-initiate-response of 4 bytes cannot hold the 5-byte security header", at: 1))
    }
}
