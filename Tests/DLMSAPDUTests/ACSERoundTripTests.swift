import DLMSAPDU
import DLMSCore
import Testing

/// decode(encode(x)) == x for ACSE APDUs built in code, from the smallest to
/// one with every element, and the canonical bytes they encode to.
@Suite struct ACSERoundTripTests {
    typealias Support = ACSETestSupport

    /// Whether `value` decodes from its encoding to itself, with no notes
    /// other than `allowing` (one per element kept as sent).
    static func roundTrips<APDU: ACSEFamilyAPDU>(_ value: APDU, allowing notes: Int = 0) throws -> Bool {
        let decoded = try Support.decode(APDU.self, value.encoded)
        return decoded.apdu == value && decoded.notes.count == notes && decoded.remaining.isEmpty
    }

    /// A DER certificate is longer than 255 bytes: its lengths take the long form.
    static let certificate: [UInt8] = [0x30, 0x82, 0x01, 0x2A] + (0..<298).map { UInt8(truncatingIfNeeded: $0) }

    static let fullAARQ = AARQ(
        protocolVersion: .firstBitOnly, applicationContextName: .cosem(group: 1, value: 3),
        calledAPTitle: Array("SRV00001".utf8), calledAEQualifier: [0x01, 0x02],
        calledAPInvocationId: BERInteger(300), calledAEInvocationId: BERInteger(-1),
        callingAPTitle: Support.hex("4D4D4D0000BC614E"), callingAEQualifier: certificate,
        callingAPInvocationId: BERInteger(0), callingAEInvocationId: BERInteger(5),
        senderACSERequirements: .firstBitOnly, mechanismName: .cosem(group: 2, value: 7),
        callingAuthenticationValue: .charstring(Array(repeating: 0x42, count: 32)),
        implementationInformation: Array("dlmscope".utf8),
        userInformation: .cipheredInitiate(CipheredInitiate(
            kind: .dedInitiateRequest, securityControl: 0x31, invocationCounter: 7, cipheredContent: Array(repeating: 0xAB, count: 200))),
        otherElements: [BERElement(tag: [0xAD], content: [0x30, 0x00])])

    @Test func aarqWithEveryElementRoundTrips() throws {
        #expect(try Self.roundTrips(Self.fullAARQ, allowing: 1))  // the AD element is not one DLMS uses
        let bytes = Self.fullAARQ.encoded
        #expect(Array(bytes.prefix(2)) == [0x60, 0x82])
        // The certificate element: A7 82 01 32 04 82 01 2E 30 82 01 2A ...
        let index = try #require((0..<(bytes.count - 4)).first { bytes[$0] == 0xA7 && bytes[$0 + 1] == 0x82 })
        #expect(Array(bytes[index..<(index + 8)]) == [0xA7, 0x82, 0x01, 0x32, 0x04, 0x82, 0x01, 0x2E])
    }

    @Test func aareWithEveryElementRoundTrips() throws {
        let aare = AARE(
            protocolVersion: .firstBitOnly, applicationContextName: .cosem(group: 1, value: 4),
            result: .rejectedTransient, resultSourceDiagnostic: .serviceProvider(ACSEServiceProviderDiagnostic(rawValue: 2)),
            respondingAPTitle: Array("ABCDEFGH".utf8), respondingAEQualifier: Self.certificate,
            respondingAPInvocationId: BERInteger(1), respondingAEInvocationId: BERInteger(128),
            responderACSERequirements: .firstBitOnly, mechanismName: .cosem(group: 2, value: 6),
            respondingAuthenticationValue: AuthenticationValue(tag: 0x81, value: [0x00, 0xFF]),
            implementationInformation: [], userInformation: .confirmedServiceError(
                ConfirmedServiceError(service: .initiateError, errorGroup: .initiate, error: 2)))
        #expect(try Self.roundTrips(aare))
        // Results and diagnostics above 127 take two content bytes (02 02 00 nn).
        var odd = aare
        odd.result = AssociationResult(rawValue: 200)
        odd.resultSourceDiagnostic = .serviceUser(ACSEServiceUserDiagnostic(rawValue: 255))
        #expect(try Self.roundTrips(odd))
    }

    @Test func canonicalBytesOfSmallAPDUs() {
        #expect(AARQ(userInformation: .initiateRequest(InitiateRequest(
            proposedConformance: Conformance(rawValue: 0x401E5D), clientMaxReceivePDUSize: 0xFFFF))).encoded
            == Support.hex("601DA109060760857405080101BE10040E01000000065F1F0400401E5DFFFF"))  // reference case 01
        #expect(AARE(userInformation: .initiateResponse(InitiateResponse(
            negotiatedConformance: Conformance(rawValue: 0x00501F), serverMaxReceivePDUSize: 0x01F4))).encoded
            == Support.hex("6129A109060760857405080101A203020100A305A103020100BE10040E0800065F1F040000501F01F40007"))  // case 04
        #expect(RLRQ().encoded == Support.hex("6203800100"))
        #expect(RLRE().encoded == Support.hex("6303800100"))
        #expect(RLRQ(reason: nil).encoded == Support.hex("6200"))
    }

    @Test(arguments: [nil, 0, 1, 30, 255] as [UInt8?])
    func releaseAPDUsRoundTrip(reason: UInt8?) throws {
        let information = UserInformation.initiateRequest(InitiateRequest(
            dedicatedKey: Array(repeating: 1, count: 16), proposedConformance: Conformance(rawValue: 0x1C), clientMaxReceivePDUSize: 512))
        #expect(try Self.roundTrips(RLRQ(reason: reason.map(ReleaseRequestReason.init(rawValue:)))))
        #expect(try Self.roundTrips(RLRQ(reason: reason.map(ReleaseRequestReason.init(rawValue:)), userInformation: information)))
        #expect(try Self.roundTrips(RLRE(reason: reason.map(ReleaseResponseReason.init(rawValue:)), userInformation: .unrecognized([0xE0]))))
    }

    @Test func berValuesDecodeAsStated() {
        #expect(BERInteger(0).contentOctets == [0x00])
        #expect(BERInteger(127).contentOctets == [0x7F])
        #expect(BERInteger(128).contentOctets == [0x00, 0x80])
        #expect(BERInteger(-1).contentOctets == [0xFF])
        #expect(BERInteger(-129).contentOctets == [0xFF, 0x7F])
        for value in [0, 1, -1, 127, 128, 255, 256, -128, -129, Int64.max, Int64.min] as [Int64] {
            #expect(BERInteger(value).value == value)
        }
        #expect(BERInteger(contentOctets: []).value == nil)
        #expect(BERInteger(contentOctets: Array(repeating: 0, count: 9)).value == nil)
        #expect(BERObjectIdentifier.cosem(group: 1, value: 1).description == "2.16.756.5.8.1.1")
        #expect(BERObjectIdentifier(contentOctets: [0x2B, 0x06, 0x01]).description == "1.3.6.1")
        #expect(BERObjectIdentifier(contentOctets: [0x60, 0x85]).arcs == nil)
        #expect(BERObjectIdentifier(contentOctets: [0x60, 0x80, 0x01]).arcs == nil)
        #expect(BERObjectIdentifier(contentOctets: Array(repeating: 0xFF, count: 12) + [0x01]).arcs == nil)
        #expect(BERBitString.firstBitOnly.bits == [true])
        #expect(BERBitString(bits: [true, false, true]) == BERBitString(unusedBits: 5, bytes: [0xA0]))
        #expect(BERBitString(bits: []).contentOctets == [0x00])
    }
}
