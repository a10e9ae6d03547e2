import DLMSAPDU
import DLMSCore
import Testing

/// ACSE input crafted to crash, hang or fool the tolerant BER reader: every
/// case ends in a `DecodingError` at the offending byte or decodes with a
/// note, quickly, and nothing a length claims is read past the bytes present.
@Suite(.timeLimit(.minutes(1))) struct ACSEHostileInputTests {
    typealias Support = ACSETestSupport

    static let aarqs = [
        "6036A1090607608574050801018A0207808B0760857405080205AC0A80084B35366956616759BE10040E01000000065F1F0400007E1F04B0",
        "6066A109060760857405080103A60A04084D4D4D0000BC614E8A0207808B0760857405080201AC0A80083132333435363738BE34043221303001234567801302FF8A7874133D414CED25B42534D28DB0047720606B175BD52211BE6841DB204D39EE6FDB8E356855",
    ]
    static let aares = [
        "6161A109060760857405080103A203020100A305A10302010EA40A04084D4D4D000000000188020780890760857405080205AA0A8008503677524A323146BE230421281F3000000101801B4D439B802215D823F488A20315DBB495DE87DC23FE098B72",
        "611FA109060760857405080101A203020101A305A103020101BE0604040E010601",
    ]

    /// Cut anywhere, an AARQ either fails at a byte inside what was given, or
    /// (when the cut falls between elements) decodes what is there and says so.
    @Test(arguments: aarqs)
    func everyCutAARQFailsOrIsNoted(hex: String) {
        let bytes = Support.hex(hex)
        for count in 0..<bytes.count {
            let prefix = Array(bytes.prefix(count))
            do throws(DecodingError) {
                let decoded = try Support.decode(AARQ.self, prefix)
                #expect(decoded.codes.contains("apdu-malformed"), "cut at \(count) decoded without a note")
            } catch {
                #expect(error.offset >= 0 && error.offset <= count, "cut at \(count): \(error)")
            }
        }
    }

    @Test(arguments: aares)
    func everyCutAAREFailsOrIsNoted(hex: String) {
        let bytes = Support.hex(hex)
        for count in 0..<bytes.count {
            let prefix = Array(bytes.prefix(count))
            do throws(DecodingError) {
                let decoded = try Support.decode(AARE.self, prefix)
                #expect(decoded.codes.contains("apdu-malformed"), "cut at \(count) decoded without a note")
            } catch {
                #expect(error.offset >= 0 && error.offset <= count, "cut at \(count): \(error)")
            }
        }
    }

    @Test func cutReleaseAPDUs() throws {
        #expect(Support.error(RLRQ.self, "") == DecodingError("data ends where the RLRQ tag was expected", at: 0))
        #expect(Support.error(RLRQ.self, "62") == DecodingError("data ends where the RLRQ length was expected", at: 1))
        #expect(Support.error(RLRQ.self, "62 03 80") == DecodingError("data ends where the RLRQ element length was expected", at: 3))
        #expect(Support.error(RLRQ.self, "62 03 80 01")
            == DecodingError("RLRQ element 80 claims 1 bytes but only 0 follow", at: 3))
        // A length claiming more than present with complete elements: decoded, noted.
        let decoded = try Support.decode(RLRE.self, "63 05 80 01 00")
        #expect(decoded.apdu.reason?.name == "normal")
        #expect(decoded.codes == ["apdu-malformed"])
    }

    @Test func lengthsOfFourGiBAreRefusedOrClamped() throws {
        // The APDU's own length is only a claim: clamp to what is there and say so.
        let outer = try Support.decode(RLRQ.self, "62 84FFFFFFFF 800100")
        #expect(outer.apdu.reason?.rawValue == 0)
        #expect(outer.notes.first?.message == "RLRQ length says 4294967295 bytes but only 3 follow; decoding those")
        // An element's length is not extended past the bytes present.
        #expect(Support.error(AARQ.self, "60 06 A1 84FFFFFFFF")
            == DecodingError("AARQ element A1 claims 4294967295 bytes but only 0 follow", at: 3))
        #expect(Support.error(AARQ.self, "60 09 BE 07 04 84FFFFFFFF 01")
            == DecodingError("AARQ user-information OCTET STRING claims 4294967295 bytes but only 1 follow", at: 5))
    }

    @Test func malformedLengthsAndTagsAreErrors() {
        #expect(Support.error(AARQ.self, "60 80 A1 00 00 00")
            == DecodingError("AARQ has the indefinite length form (80), which DLMS does not use", at: 1))
        #expect(Support.error(AARQ.self, "60 85 0000000001 00")
            == DecodingError("AARQ length has 5 length bytes; at most 4 are accepted", at: 1))
        #expect(Support.error(AARQ.self, "60 82 01")
            == DecodingError("AARQ length needs 2 length bytes, 1 present", at: 1))
        #expect(Support.error(AARQ.self, "60 08 BF FFFFFFFFFF 00 00")
            == DecodingError("AARQ element tag number takes more than 4 bytes", at: 2))
        #expect(Support.error(AARQ.self, "60 03 BF 81")
            == DecodingError("data ends inside the AARQ element tag", at: 2))
        #expect(Support.error(AARQ.self, "61 00") == DecodingError("AARQ must start with 60, found 61", at: 0))
        #expect(Support.error(AARE.self, "60 00") == DecodingError("AARE must start with 61, found 60", at: 0))
    }

    @Test func emptyAARQIsDecodedWithTheMissingContextNoted() throws {
        let decoded = try Support.decode(AARQ.self, "60 00")
        #expect(decoded.apdu == AARQ(applicationContextName: nil))
        #expect(decoded.notes.map(\.message) == ["AARQ without application-context-name (A1), which is mandatory"])
        #expect(decoded.apdu.encoded == Support.hex("6000"))
        let aare = try Support.decode(AARE.self, "61 00")
        #expect(aare.notes.count == 3)
    }

    @Test func unknownElementsAreKeptInPlace() throws {
        // An AARQ with [31] (9F 1F: two-byte tag) and [13] (AD) between known elements.
        let input = Support.hex("6017 A109060760857405080101 AD03020107 9F1F02ABCD BE00")
        let decoded = try Support.decode(AARQ.self, input)
        #expect(decoded.apdu.otherElements == [
            BERElement(tag: [0xAD], content: [0x02, 0x01, 0x07]), BERElement(tag: [0x9F, 0x1F], content: [0xAB, 0xCD]),
            BERElement(tag: [0xBE], content: []),
        ])
        // [31] sorts after [30]: the order as received is kept.
        #expect(decoded.apdu.wireForm.elementOrder == [[0xA1], [0xAD], [0x9F, 0x1F], [0xBE]])
        #expect(decoded.apdu.encoded == input)
        #expect(decoded.codes == ["apdu-malformed", "apdu-malformed", "apdu-malformed"])
    }

    @Test func elementsOutOfOrderAreNotedAndKeptInTheirOrder() throws {
        let input = Support.hex("6111 BE0604040E010601 A203020101 A1020600")
        let decoded = try Support.decode(AARE.self, input)
        #expect(decoded.apdu.result == .rejectedPermanent)
        #expect(decoded.apdu.wireForm.elementOrder == [[0xBE], [0xA2], [0xA1]])
        #expect(decoded.apdu.encoded == input)
        // A1 06 00 is an empty object identifier: not what the standard says, so kept as sent.
        #expect(decoded.apdu.applicationContextName == nil)
        #expect(decoded.apdu.otherElements == [BERElement(tag: [0xA1], content: [0x06, 0x00])])
        var canonical = decoded.apdu
        canonical.wireForm = .canonical
        #expect(canonical.encoded == Support.hex("6111 A1020600 A203020101 BE0604040E010601"))
    }

    @Test func duplicateAndMalformedElementsAreKeptAsSent() throws {
        // Two application-context-names; a calling-AP-title holding an INTEGER; a
        // sender-acse-requirements bit string with 9 unused bits.
        let input = Support.hex("6019 A109060760857405080101 A1030601FF A603020105 8A020980")
        let decoded = try Support.decode(AARQ.self, input)
        #expect(decoded.apdu.applicationContext == .logicalName)
        #expect(decoded.apdu.callingAPTitle == nil && decoded.apdu.senderACSERequirements == nil)
        #expect(decoded.apdu.otherElements.map(\.tag) == [[0xA1], [0xA6], [0x8A]])
        #expect(decoded.notes.map(\.message) == [
            "AARQ element A1: a second application-context-name; kept as sent",
            "AARQ element A6: calling-AP-title whose content is not what the standard says; kept as sent",
            "AARQ element 8A: sender-acse-requirements whose content is not what the standard says; kept as sent",
        ])
        #expect(decoded.apdu.encoded == input)
    }

    @Test func userInformationThatIsNotAnOctetStringIsKept() throws {
        let input = Support.hex("6208 800100 BE03020105")
        let decoded = try Support.decode(RLRQ.self, input)
        #expect(decoded.apdu.userInformation == nil)
        #expect(decoded.apdu.otherElements == [BERElement(tag: [0xBE], content: [0x02, 0x01, 0x05])])
        #expect(decoded.codes == ["apdu-malformed"])
        #expect(decoded.apdu.encoded == input)
    }

    @Test func undecodableUserInformationIsKeptRaw() throws {
        // An InitiateResponse cut after its version; nothing follows to complete it.
        let cut = try Support.decode(AARE.self, "610B A1020600 BE05 0403 080006")
        #expect(cut.apdu.userInformation == .unrecognized([0x08, 0x00, 0x06]))
        #expect(cut.notes.contains { $0.message.hasPrefix("AARE user-information could not be decoded") })
        #expect(cut.apdu.encoded == Support.hex("610B A1020600 BE05 0403 080006"))
        // A glo-initiate-request too short for its security header.
        let short = try Support.decode(AARQ.self, "6008 BE06 0404 21023000")
        #expect(short.apdu.userInformation == .unrecognized([0x21, 0x02, 0x30, 0x00]))
        // An xDLMS APDU of another tag is kept as it is.
        let other = try Support.decode(RLRQ.self, "6207 BE05 0403 C00102")
        #expect(other.apdu.userInformation == .unrecognized([0xC0, 0x01, 0x02]))
        #expect(other.notes.isEmpty)
    }

    @Test func bytesAfterTheInitiateAreKeptAsPadding() throws {
        let input = Support.hex("6314 800100 BE0F 040D 0800065F1F040000501F01F40007 0000")
        // 04 0D says 13 bytes but the InitiateResponse takes 14: the padding case needs a longer OCTET STRING.
        let padded = Support.hex("6316 800100 BE11 040F 0800065F1F040000501F01F40007 00")
        let decoded = try Support.decode(RLRE.self, padded)
        #expect(decoded.apdu.wireForm.userInformationPadding == [0x00])
        #expect(decoded.apdu.initiateResponseForTest?.serverMaxReceivePDUSize == 500)
        #expect(decoded.codes == ["apdu-malformed"])
        #expect(decoded.apdu.encoded == padded)
        // The short one is recovered from the byte that follows; the last two are left as trailing bytes.
        let short = try Support.decode(RLRE.self, input)
        #expect(short.apdu.initiateResponseForTest?.vaaName == 7)
        #expect(short.remaining.count == 2)
    }

    @Test func bytesAfterTheOctetStringInsideUserInformationKeepTheElementRaw() throws {
        let input = Support.hex("6209 BE07 0403 C00102 FFFF")
        let decoded = try Support.decode(RLRQ.self, input)
        #expect(decoded.apdu.userInformation == nil && decoded.apdu.otherElements.count == 1)
        #expect(decoded.apdu.encoded == input)
    }

    @Test func multiByteLengthsSurviveARoundTrip() throws {
        // Long-form lengths where short ones would do: `81 05`, `82 0003`.
        let input = Support.hex("62 81 05 80 82 0001 00")
        let decoded = try Support.decode(RLRQ.self, input)
        #expect(decoded.apdu.reason?.rawValue == 0)
        #expect(decoded.apdu.wireForm.lengths == [
            BERLengthForm(excess: 0, longFormByteCount: 1), BERLengthForm(excess: 0, longFormByteCount: 2),
        ])
        #expect(decoded.apdu.encoded == input)
    }
}

extension RLRE {
    var initiateResponseForTest: InitiateResponse? {
        if case let .initiateResponse(response) = userInformation { return response }
        return nil
    }
}

/// Thousands of unknown elements, out of order: decoding, encoding and the
/// element order stay linear.
@Suite(.timeLimit(.minutes(1))) struct ACSEManyElementsTests {
    @Test func twentyThousandUnknownElementsOutOfOrder() throws {
        // [31] (9F 1F 00) then [30]-less [29] (9D 00), alternating: 20000 elements, 50000 bytes.
        var content: [UInt8] = []
        for index in 0..<20000 { content += index % 2 == 0 ? [0x9F, 0x1F, 0x00] : [0x9D, 0x00] }
        let input: [UInt8] = [0x62, 0x83, UInt8(content.count >> 16), UInt8(content.count >> 8 & 0xFF), UInt8(content.count & 0xFF)]
            + content
        let decoded = try ACSETestSupport.decode(RLRQ.self, input)
        #expect(decoded.apdu.otherElements.count == 20000)
        #expect(decoded.apdu.wireForm.elementOrder?.count == 20000)
        #expect(decoded.apdu.encoded == input)
    }
}
