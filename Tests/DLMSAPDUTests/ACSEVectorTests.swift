import DLMSAPDU
import DLMSCore
import Foundation
import Testing

/// The ACSE vectors of ../shared/vectors (g15-g23, a12, a14, b03, h01, h03 and
/// the AARQ/AARE inside the HDLC vectors d03, d04, d15, d20): every field the
/// vector states, and the exact bytes back.
@Suite struct ACSEVectorTests {
    typealias Support = ACSETestSupport

    /// Checks a decoded ACSE APDU against a vector's `expected.ber` list (tag,
    /// len, value or children), element by element.
    static func mismatches(_ expected: [[String: Any]], aarq: AARQ? = nil, aare: AARE? = nil, release: (UInt8?, UserInformation?)? = nil)
        -> [String]
    {
        var problems: [String] = []
        func value(_ element: [String: Any]) -> [UInt8]? { (element["value"] as? String).map(Support.hex) }
        func child(_ element: [String: Any]) -> [String: Any]? { (element["children"] as? [[String: Any]])?.first }
        for element in expected {
            guard let tag = element["tag"] as? String else { problems.append("no tag"); continue }
            let got: [UInt8]?
            let want: [UInt8]?
            switch (tag, aarq != nil, aare != nil) {
            case ("A1", true, _): (got, want) = (aarq?.applicationContextName?.contentOctets, child(element).flatMap(value))
            case ("A1", _, true): (got, want) = (aare?.applicationContextName?.contentOctets, child(element).flatMap(value))
            case ("8A", true, _): (got, want) = (aarq?.senderACSERequirements?.contentOctets, value(element))
            case ("8B", true, _): (got, want) = (aarq?.mechanismName?.contentOctets, value(element))
            case ("AC", true, _): (got, want) = (aarq?.callingAuthenticationValue?.value, child(element).flatMap(value))
            case ("BE", true, _): (got, want) = (aarq?.userInformation?.encoded, child(element).flatMap(value))
            case ("A2", _, true): (got, want) = (aare?.result.map { [$0.rawValue] }, child(element).flatMap(value))
            case ("A3", _, true):
                let source = child(element)?["tag"] as? String
                got = aare?.resultSourceDiagnostic.map { [0xA0 | $0.source, $0.value] }
                want = child(element).flatMap(child).flatMap(value).map { [source == "A1" ? 0xA1 : 0xA2] + $0 }
            case ("88", _, true): (got, want) = (aare?.responderACSERequirements?.contentOctets, value(element))
            case ("89", _, true): (got, want) = (aare?.mechanismName?.contentOctets, value(element))
            case ("AA", _, true): (got, want) = (aare?.respondingAuthenticationValue?.value, child(element).flatMap(value))
            case ("BE", _, true): (got, want) = (aare?.userInformation?.encoded, child(element).flatMap(value))
            case ("80", false, false): (got, want) = (release?.0.map { [$0] }, value(element))
            default:
                problems.append("element \(tag) not checked")
                continue
            }
            if got == nil || got != want {
                problems.append("\(tag): \(got.map { Hex.encode($0) } ?? "absent"), expected \(want.map { Hex.encode($0) } ?? "?")")
            }
        }
        return problems
    }

    @Test(arguments: ["g15", "g16", "g17"])
    func aarqVectorsDecodeAsStatedAndReencodeExactly(id: String) throws {
        let input = try Support.input(id, "apdu")
        let decoded = try Support.decode(AARQ.self, input)
        let ber = try #require(try Support.expected(id)["ber"] as? [[String: Any]])
        #expect(Self.mismatches(ber, aarq: decoded.apdu) == [], "\(id)")
        #expect(decoded.notes.isEmpty && decoded.remaining.isEmpty)
        #expect(decoded.apdu.wireForm.isCanonical)
        #expect(decoded.apdu.encoded == input)
        #expect(decoded.apdu.applicationContext == .logicalName)
        let request = try #require(decoded.apdu.initiateRequest)
        #expect(request == InitiateRequest(proposedConformance: Conformance(rawValue: 0x007E1F), clientMaxReceivePDUSize: 1200))
    }

    @Test func lowLevelSecurityAARQCarriesThePassword() throws {
        let aarq = try Support.decode(AARQ.self, try Support.input("g16", "apdu")).apdu
        #expect(aarq.requestsAuthentication)
        #expect(aarq.mechanism == .low)
        #expect(aarq.callingAuthenticationValue == .charstring(Array("12345678".utf8)))
    }

    @Test func highLevelSecurityAARQCarriesTheClientChallenge() throws {
        let aarq = try Support.decode(AARQ.self, try Support.input("g17", "apdu")).apdu
        #expect(aarq.mechanism == .highGMAC)
        #expect(aarq.callingAuthenticationValue?.value == Array("K56iVagY".utf8))
    }

    @Test(arguments: ["g18", "g19", "g20"])
    func aareVectorsDecodeAsStatedAndReencodeExactly(id: String) throws {
        let input = try Support.input(id, "apdu")
        let decoded = try Support.decode(AARE.self, input)
        let ber = try #require(try Support.expected(id)["ber"] as? [[String: Any]])
        #expect(Self.mismatches(ber, aare: decoded.apdu) == [], "\(id)")
        #expect(decoded.notes.isEmpty && decoded.remaining.isEmpty)
        #expect(decoded.apdu.encoded == input)
    }

    @Test func acceptedAAREGrantsConformanceAndPDUSize() throws {
        let aare = try Support.decode(AARE.self, try Support.input("g18", "apdu")).apdu
        #expect(aare.isAccepted)
        #expect(aare.resultSourceDiagnostic == .serviceUser(.null))
        #expect(aare.initiateResponse == InitiateResponse(
            negotiatedConformance: Conformance(rawValue: 0x00501F), serverMaxReceivePDUSize: 500, vaaName: 0x0007))
    }

    @Test func hlsAAREAsksForAuthenticationWithAChallenge() throws {
        let aare = try Support.decode(AARE.self, try Support.input("g19", "apdu")).apdu
        #expect(aare.isAccepted)
        #expect(aare.resultSourceDiagnostic == .serviceUser(.authenticationRequired))
        #expect(aare.responderACSERequirements == .firstBitOnly)
        #expect(aare.mechanism == .highGMAC)
        #expect(aare.respondingAuthenticationValue == .charstring(Array("P6wRJ21F".utf8)))
    }

    @Test func rejectedAARECarriesTheInitiateError() throws {
        let aare = try Support.decode(AARE.self, try Support.input("g20", "apdu")).apdu
        #expect(aare.result == .rejectedPermanent)
        #expect(aare.resultSourceDiagnostic?.name == "no-reason-given")
        #expect(aare.userInformation == .confirmedServiceError(
            ConfirmedServiceError(service: .initiateError, errorGroup: .initiate, error: 1)))
    }

    @Test func md5AARECarriesASixteenByteChallenge() throws {
        // b03: the StoC of the Iskra HLS-MD5 example is the AARE's responding-authentication-value.
        let input = try Support.input("b03", "aare")
        let decoded = try Support.decode(AARE.self, input)
        #expect(decoded.apdu.mechanism == .highMD5)
        #expect(decoded.apdu.respondingAuthenticationValue?.value == (try Support.input("b03", "StoC")))
        #expect(decoded.notes.isEmpty && decoded.apdu.encoded == input)
    }

    @Test func releaseVectorsDecodeAsStated() throws {
        let rlrq = try Support.decode(RLRQ.self, try Support.input("g21", "apdu"))
        let rlre = try Support.decode(RLRE.self, try Support.input("g22", "apdu"))
        let rlrqBer = try #require(try Support.expected("g21")["ber"] as? [[String: Any]])
        let rlreBer = try #require(try Support.expected("g22")["ber"] as? [[String: Any]])
        #expect(Self.mismatches(rlrqBer, release: (rlrq.apdu.reason?.rawValue, rlrq.apdu.userInformation)) == [])
        #expect(Self.mismatches(rlreBer, release: (rlre.apdu.reason?.rawValue, rlre.apdu.userInformation)) == [])
        #expect(rlrq.apdu == RLRQ(reason: ReleaseRequestReason(rawValue: 0)))
        #expect(rlre.apdu.reason?.name == "normal")
        #expect(rlrq.apdu.encoded == (try Support.input("g21", "apdu")))
        #expect(rlre.apdu.encoded == (try Support.input("g22", "apdu")))
    }

    /// g23: a real meter's AARE whose outer, user-information and OCTET STRING
    /// lengths are each one byte short of the 14-byte InitiateResponse present.
    @Test func aareWithLengthsOneByteShortIsRecovered() throws {
        let input = try Support.input("g23", "apdu")
        let expected = try Support.expected("g23")
        #expect(input.count - 2 == expected["actual_content_length"] as? Int)
        #expect(Int(input[1]) == expected["declared_aare_content_length"] as? Int)
        let decoded = try Support.decode(AARE.self, input)
        #expect(decoded.remaining.isEmpty, "the InitiateResponse's last byte belongs to the AARE")
        #expect(decoded.apdu.applicationContext == .shortNameReferencing)
        let response = try #require(decoded.apdu.initiateResponse)
        let wanted = try #require(expected["initiate_response"] as? [String: Any])
        #expect(Int(response.negotiatedDLMSVersion) == wanted["negotiated_dlms_version"] as? Int)
        #expect(Hex.encode(response.negotiatedConformance.bytes) == wanted["conformance"] as? String)
        #expect(Int(response.serverMaxReceivePDUSize) == wanted["server_max_receive_pdu_size"] as? Int)
        #expect(Hex.encode([UInt8(response.vaaName >> 8), UInt8(response.vaaName & 0xFF)]) == wanted["vaa_name"] as? String)
        // Noted, not silent: a real encoder's inconsistency that was recovered from is a warning.
        #expect(decoded.codes == ["apdu-malformed", "apdu-malformed"])
        #expect(decoded.notes.allSatisfy { $0.severity == .warning })
        #expect(decoded.notes.first?.message.contains("lengths say 13") == true)
        // The lengths as sent are kept: the bytes come back as received...
        #expect(decoded.apdu.wireForm.lengths?.map(\.excess) == [-1, 0, 0, 0, 0, 0, 0, 0, -1, -1])
        #expect(decoded.apdu.encoded == input)
        // ...and the canonical form has every length one byte longer (non-canonical input).
        var canonical = decoded.apdu
        canonical.wireForm = .canonical
        #expect(canonical.encoded == Support.hex("6129A109060760857405080102A203020100A305A103020100BE10040E0800065F1F04001802200960FA00"))
    }

    /// h01: a jDLMS AARQ with protocol-version and the conformance tag written `5F 04`.
    @Test func aarqWithProtocolVersionAndShortConformanceTag() throws {
        let pdu = try Support.input("h01", "pdu")
        let input = Array(pdu.dropFirst(8))  // the WRAPPER header is 8 bytes
        let decoded = try Support.decode(AARQ.self, input)
        #expect(decoded.apdu.protocolVersion == .firstBitOnly)
        #expect(decoded.apdu.protocolVersion?.binaryText == "1")
        #expect(decoded.apdu.applicationContext == .shortNameReferencing)
        let request = try #require(decoded.apdu.initiateRequest)
        #expect(request.proposedConformance == Conformance(rawValue: 0x181A20, tagForm: .withoutTagNumber))
        #expect(request.clientMaxReceivePDUSize == 0)
        #expect(decoded.codes == ["apdu-non-canonical"])
        #expect(decoded.remaining.isEmpty && decoded.apdu.encoded == input)
    }

    /// h03: an AARE whose InitiateResponse has negotiated-quality-of-service 0x12.
    @Test func aareWithQualityOfService() throws {
        let input = Array(try Support.input("h03", "pdu").dropFirst(8))
        let decoded = try Support.decode(AARE.self, input)
        #expect(decoded.apdu.initiateResponse == InitiateResponse(
            negotiatedQualityOfService: 0x12, negotiatedConformance: Conformance(rawValue: 0x007C1F),
            serverMaxReceivePDUSize: 0x0400))
        #expect(decoded.notes.isEmpty && decoded.apdu.encoded == input)
    }

    /// a14: LN with ciphering, the client's system title, LLS, and a glo-initiate-request.
    @Test func cipheredAARQKeepsTheGlobalInitiateRequestOpaque() throws {
        let input = try Support.input("a14", "aarq")
        let expected = try Support.expected("a14")
        let decoded = try Support.decode(AARQ.self, input)
        let aarq = decoded.apdu
        #expect(aarq.applicationContextName?.contentOctets == Support.hex(try #require(expected["application_context_name"] as? String)))
        #expect(aarq.applicationContext == .logicalNameWithCiphering)
        #expect(aarq.callingAPTitle == Support.hex(try #require(expected["calling_ap_title"] as? String)))
        #expect(aarq.mechanismName?.contentOctets == Support.hex(try #require(expected["mechanism_name"] as? String)))
        #expect(aarq.callingAuthenticationValue?.value == Support.hex(try #require(expected["calling_authentication_value"] as? String)))
        guard case let .cipheredInitiate(ciphered) = aarq.userInformation else {
            Issue.record("not a ciphered initiate")
            return
        }
        // a01 is the same glo-initiate-request: SC 30, IC 01234567, ciphertext || tag.
        let a01 = try Support.expected("a01")
        #expect(ciphered.kind == .gloInitiateRequest)
        #expect(ciphered.securityControl == 0x30 && ciphered.isAuthenticated && ciphered.isEncrypted)
        #expect(ciphered.invocationCounter == 0x0123_4567)
        #expect(ciphered.cipheredContent == Support.hex(try #require(a01["ciphertext"] as? String))
            + Support.hex(try #require(a01["tag"] as? String)))
        #expect(ciphered.encoded == Support.hex(try #require(a01["ciphered_apdu"] as? String)))
        #expect(decoded.notes.isEmpty && aarq.encoded == input)
    }

    /// a12: an RLRE carrying a glo-initiate-response.
    @Test func releaseResponseWithCipheredInitiateResponse() throws {
        let input = try Support.input("a12", "rlre")
        let decoded = try Support.decode(RLRE.self, input)
        #expect(decoded.apdu.reason?.name == "normal")
        guard case let .cipheredInitiate(ciphered) = decoded.apdu.userInformation else {
            Issue.record("not a ciphered initiate")
            return
        }
        #expect(ciphered.kind == .gloInitiateResponse)
        #expect(ciphered.securedBytes == Support.hex("3001234567891214A0845E475714383F65BC19745CA235906525E4F3E1C893"))
        #expect(decoded.notes.isEmpty && decoded.apdu.encoded == input)
    }

    /// The AARQ and AARE inside the HDLC vectors (the information field is in `expected.info`).
    @Test(arguments: ["d03", "d04", "d15", "d20"])
    func acseInsideHDLCVectors(id: String) throws {
        let info = Support.hex(try #require(try Support.expected(id)["info"] as? String))
        let apdu = try Support.afterLLC(info)
        if apdu.first == AARQ.tag {
            let decoded = try Support.decode(AARQ.self, apdu)
            #expect(decoded.notes.isEmpty && decoded.remaining.isEmpty)
            #expect(decoded.apdu.encoded == apdu)
        } else {
            let decoded = try Support.decode(AARE.self, apdu)
            #expect(decoded.remaining.isEmpty)
            #expect(decoded.apdu.encoded == apdu)
            // d15 is the g23 AARE inside its frame.
            #expect(decoded.notes.isEmpty == (id != "d15"))
        }
    }
}
