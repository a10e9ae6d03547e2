import DLMSAPDU
import DLMSCore
import Testing

/// Every AARQ, AARE, RLRQ and RLRE of the real captures in
/// ../shared/captures/wireshark-dlms-plugin-pcaps, and of the Gurux reference
/// cases 01-08, 60 and 61: decoded, and encoded back to the same bytes.
@Suite struct ACSECaptureTests {
    typealias Support = ACSETestSupport

    /// Output.pcap (Gurux DLMS C++ client and server over TCP/WRAPPER), obtained with
    /// `tshark -r Output.pcap -q -z follow,tcp,raw,0` and split into WRAPPER PDUs
    /// (8-byte header, APDU length at bytes 6-7).
    static let outputPcap = [
        "601DA109060760857405080101BE10040E01000000065F1F0400001E5DFFFF",  // AARQ, client -> server
        "6129A109060760857405080101A203020100A305A103020100BE10040E0800065F1F0400001E5D04000007",  // AARE
        "6203800100",  // RLRQ
        // RLRE: its length says 0x11 bytes and the user-information 0x0F; the InitiateResponse takes 0x15 and 0x10.
        "6311800100BE0F040E0800065F1F0400001E5D04000007",
    ]

    /// andrebdo_sample.pcap (UDP, one unit per datagram), obtained with
    /// `tshark -r andrebdo_sample.pcap -T fields -e frame.number -e udp.payload`; the
    /// APDU is the HDLC information field after the LLC header (frames 3, 4), or
    /// what follows the IEC 61334-4-32 LLC header `90 01 01` (frames 41, 44, 45, 51).
    static let andrebdoPcap = [
        "6036A1090607608574050801018A0207808B0760857405080201AC0A80083031323334353637BE10040E01000000065F1F0400007E1F0080",  // 3
        "6129A109060760857405080101A203020100A305A103020100BE10040E0800065F1F040000181D007D0007",  // 4
        "6036A1090607608574050801018A0207808B0760857405080201AC0A80083031323334353637BE10040E01000000065F1F0400007E1F011C",  // 41, 44
        "6129A109060760857405080101A203020100A305A103020100BE10040E0800065F1F040000181F00800007",  // 45
        "6200",  // 51
    ]

    /// Decodes an ACSE APDU by its tag: its re-encoding, notes and the bytes it left.
    static func decodeAny(_ bytes: [UInt8]) throws -> (encoded: [UInt8], notes: [Finding], remaining: Int) {
        func summary<APDU: ACSEFamilyAPDU>(_ type: APDU.Type) throws -> ([UInt8], [Finding], Int) {
            let decoded = try Support.decode(type, bytes)
            return (decoded.apdu.encoded, decoded.notes, decoded.remaining.count)
        }
        switch bytes.first {
        case AARQ.tag: return try summary(AARQ.self)
        case AARE.tag: return try summary(AARE.self)
        case RLRQ.tag: return try summary(RLRQ.self)
        case RLRE.tag: return try summary(RLRE.self)
        default: throw DecodingError("not an ACSE APDU", at: 0)
        }
    }

    @Test(arguments: outputPcap + andrebdoPcap)
    func captureAPDUsDecodeAndReencodeExactly(hex: String) throws {
        let bytes = Support.hex(hex)
        let decoded = try Self.decodeAny(bytes)
        #expect(decoded.remaining == 0)
        #expect(decoded.encoded == bytes)
    }

    @Test func guruxServerRLREWithShortLengthsIsRecovered() throws {
        let bytes = Support.hex(Self.outputPcap[3])
        let decoded = try Support.decode(RLRE.self, bytes)
        #expect(decoded.remaining.isEmpty)
        #expect(decoded.apdu.reason?.name == "normal")
        #expect(decoded.apdu.userInformation == .initiateResponse(InitiateResponse(
            negotiatedConformance: Conformance(rawValue: 0x001E5D), serverMaxReceivePDUSize: 0x0400)))
        // The outer length (0x11) is 4 short, the user-information's (0x0F) 1 short; the OCTET STRING's is right.
        #expect(decoded.apdu.wireForm.lengths?.map(\.excess) == [-4, 0, -1, 0])
        #expect(decoded.codes == ["apdu-malformed", "apdu-malformed"])
        var canonical = decoded.apdu
        canonical.wireForm = .canonical
        #expect(canonical.encoded == Support.hex("6315800100BE10040E0800065F1F0400001E5D04000007"))
    }

    @Test func andrebdoAARQUsesLowLevelSecurity() throws {
        let aarq = try Support.decode(AARQ.self, Self.andrebdoPcap[0]).apdu
        #expect(aarq.mechanism == .low)
        #expect(aarq.callingAuthenticationValue?.value == Array("01234567".utf8))
        #expect(aarq.initiateRequest?.clientMaxReceivePDUSize == 0x0080)
    }

    @Test(arguments: [
        "01_aarq_ln_no_security", "02_aarq_lls_password", "03_aarq_hls_gmac_glo_initiate", "04_aare_accepted",
        "05_aare_rejected_auth_failure", "06_aare_hls_gmac_glo_initiate", "07_release_request", "08_release_response",
        "73_aarq_standard_xml",
    ])
    func referenceCasesDecodeWithoutNotesAndReencodeExactly(name: String) throws {
        let bytes = try Support.reference(name)
        let decoded = try Self.decodeAny(bytes)
        #expect(decoded.notes.isEmpty && decoded.remaining == 0)
        #expect(decoded.encoded == bytes)
    }

    /// Cases 60 and 61 are HDLC I-frames: the APDU follows the LLC header and
    /// precedes the FCS and closing flag (3 bytes).
    @Test(arguments: ["60_hdlc_iframe_aarq", "61_hdlc_iframe_aare"])
    func referenceFramesCarryACSEAPDUs(name: String) throws {
        let frame = try Support.reference(name)
        let start = try #require((0..<(frame.count - 3)).first { frame[$0] == 0xE6 && frame[$0 + 2] == 0x00 })
        let apdu = Array(frame[(start + 3)..<(frame.count - 3)])
        let decoded = try Self.decodeAny(apdu)
        #expect(decoded.notes.isEmpty && decoded.remaining == 0)
        #expect(decoded.encoded == apdu)
    }

    @Test func referenceCaseValues() throws {
        let hls = try Support.decode(AARQ.self, try Support.reference("03_aarq_hls_gmac_glo_initiate")).apdu
        #expect(hls.callingAPTitle == Support.hex("4D4D4D0000BC614E"))
        guard case let .cipheredInitiate(request) = hls.userInformation else {
            Issue.record("case 03: no glo-initiate-request")
            return
        }
        #expect(request.kind == .gloInitiateRequest && request.securityControl == 0x30 && request.invocationCounter == 1)
        let rejected = try Support.decode(AARE.self, try Support.reference("05_aare_rejected_auth_failure")).apdu
        #expect(rejected.result == .rejectedPermanent)
        #expect(rejected.resultSourceDiagnostic == .serviceUser(.authenticationFailure))
        let server = try Support.decode(AARE.self, try Support.reference("06_aare_hls_gmac_glo_initiate")).apdu
        #expect(server.respondingAPTitle == Support.hex("4D4D4D0000000001"))
        guard case let .cipheredInitiate(response) = server.userInformation else {
            Issue.record("case 06: no glo-initiate-response")
            return
        }
        #expect(response.kind == .gloInitiateResponse && response.invocationCounter == 0x101)
    }
}
