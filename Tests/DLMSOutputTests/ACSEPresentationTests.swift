import DLMSAPDU
import DLMSCore
import DLMSOutput
import DLMSTestSupport
import Foundation
import Testing

/// The XML and JSON of AARQ, AARE, RLRQ and RLRE: each reference case's
/// element equals Gurux's with comments removed where Gurux is right, and the
/// JSON carries the decoded values.
@Suite struct ACSEPresentationTests {
    /// Decodes an APDU of this family by its tag and returns it as presentable.
    static func presentable(_ bytes: [UInt8]) throws -> any APDUPresentable {
        var reader = ByteReader(bytes)
        var notes = DecodingNotes()
        switch bytes.first {
        case AARQ.tag: return try AARQ(from: &reader, notes: &notes)
        case AARE.tag: return try AARE(from: &reader, notes: &notes)
        case RLRQ.tag: return try RLRQ(from: &reader, notes: &notes)
        case RLRE.tag: return try RLRE(from: &reader, notes: &notes)
        case InitiateRequest.tag: return try InitiateRequest(from: &reader, notes: &notes)
        case InitiateResponse.tag: return try InitiateResponse(from: &reader, notes: &notes)
        case ConfirmedServiceError.tag: return try ConfirmedServiceError(from: &reader, notes: &notes)
        case ExceptionResponse.tag: return try ExceptionResponse(from: &reader, notes: &notes)
        default: return try CipheredInitiate(from: &reader, notes: &notes)
        }
    }

    /// Our element as a tree (comments dropped by the parser), or nil when it is not well-formed.
    static func ourTree(_ apdu: any APDUPresentable, _ context: PresentationContext = PresentationContext()) -> GuruxReference.Tree? {
        GuruxReference.tree(apdu.guruxXML(context).xmlText)
    }

    static func guruxTree(_ name: String) throws -> GuruxReference.Tree {
        let reference = try #require(GuruxReference.load(name))
        let output = try #require(reference.outputs.first)
        return try #require(GuruxReference.tree(output))
    }

    static func input(_ name: String) throws -> [UInt8] {
        try #require(GuruxReference.load(name)?.inputs.first)
    }

    /// The JSON members of an APDU as a dictionary (keys are unique within an APDU object).
    static func json(_ apdu: any APDUPresentable, _ context: PresentationContext = PresentationContext()) -> [String: Field.Value] {
        Dictionary(apdu.jsonFields(context).map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    /// Cases where Gurux is right: our element equals its element. Case 02 holds
    /// the LLS password, which is shown only with `showSecrets`.
    @Test(arguments: [
        "01_aarq_ln_no_security", "02_aarq_lls_password", "03_aarq_hls_gmac_glo_initiate", "04_aare_accepted",
        "05_aare_rejected_auth_failure", "06_aare_hls_gmac_glo_initiate", "07_release_request", "08_release_response",
    ])
    func elementsEqualGurux(name: String) throws {
        let apdu = try Self.presentable(try Self.input(name))
        let ours = try #require(Self.ourTree(apdu, PresentationContext(showSecrets: true)), "not well-formed")
        #expect(ours == (try Self.guruxTree(name)))
    }

    /// Case 73 is case 01 in Gurux's STANDARD_XML, another vocabulary: no
    /// comparison with it; the same input gives case 01's simple-XML element.
    @Test func standardXMLCaseIsNotCompared() throws {
        let reference = try #require(GuruxReference.load("73_aarq_standard_xml"))
        #expect(reference.outputs.first?.contains("<x:aarq>") == true)
        #expect(reference.inputs.first == (try Self.input("01_aarq_ln_no_security")))
        let apdu = try Self.presentable(try Self.input("73_aarq_standard_xml"))
        #expect(Self.ourTree(apdu) == (try Self.guruxTree("01_aarq_ln_no_security")))
    }

    /// Cases 60 and 61: the APDU inside the HDLC frame is Gurux's <PDU> child.
    @Test(arguments: ["60_hdlc_iframe_aarq", "61_hdlc_iframe_aare"])
    func elementsInsideFramesEqualGurux(name: String) throws {
        let frame = try Self.input(name)
        let start = try #require((0..<(frame.count - 3)).first { frame[$0] == 0xE6 && frame[$0 + 2] == 0x00 })
        let apdu = try Self.presentable(Array(frame[(start + 3)..<(frame.count - 3)]))
        guard case let .element(_, _, children) = try Self.guruxTree(name),
              case let .element("PDU", _, pdu)? = children.last, let gurux = pdu.first
        else {
            Issue.record("unexpected shape of the Gurux frame output")
            return
        }
        #expect(Self.ourTree(apdu) == gurux)
    }

    /// Gurux's output for vector APDUs it decodes right (see ACSEOracleOutputs).
    @Test(arguments: ACSEOracleOutputs.cases.map(\.name))
    func oracleOutputsMatch(name: String) throws {
        let entry = try #require(ACSEOracleOutputs.cases.first { $0.name == name })
        let bytes = try #require(Hex.decode(entry.input))
        let apdu = try Self.presentable(bytes)
        let gurux = try #require(GuruxReference.tree(entry.xml))
        #expect(Self.ourTree(apdu, PresentationContext(showSecrets: true)) == gurux)
    }

    @Test func passwordIsHiddenUnlessSecretsAreShown() throws {
        let apdu = try Self.presentable(try Self.input("02_aarq_lls_password"))
        let hidden = apdu.guruxXML(PresentationContext()).xmlText
        #expect(!hidden.contains("3132333435363738") && !hidden.contains("12345678"))
        #expect(hidden.contains("<CallingAuthentication Length=\"8\" />"))
        let json = Self.json(apdu)
        #expect(json["callingAuthenticationValue"] == nil)
        #expect(json["callingAuthenticationValueLength"] == .integer(8))
        #expect(json["callingAuthenticationValueHidden"] == .boolean(true))
        let shown = Self.json(apdu, PresentationContext(showSecrets: true))
        #expect(shown["callingAuthenticationValue"] == .bytes(Array("12345678".utf8)))
        #expect(shown["callingAuthenticationValueText"] == .text("12345678"))
        // Outside the password, nothing differs.
        guard case let .element(name, attributes, children) = try #require(Self.ourTree(apdu)) else { return }
        let withoutPassword = children.filter {
            if case .element("CallingAuthentication", _, _) = $0 { return false }
            return true
        }
        guard case let .element(_, _, gurux) = try Self.guruxTree("02_aarq_lls_password") else { return }
        #expect(GuruxReference.Tree.element(name, attributes: attributes, children: withoutPassword)
            == .element(name, attributes: attributes, children: gurux.filter {
                if case .element("CallingAuthentication", _, _) = $0 { return false }
                return true
            }))
    }

    @Test func hlsChallengeIsAlwaysShown() throws {
        let apdu = try Self.presentable(try Self.input("03_aarq_hls_gmac_glo_initiate"))
        let json = Self.json(apdu)
        #expect(json["callingAuthenticationValue"] == .bytes(Array("K56iVagY".utf8)))
        #expect(json["callingApTitle"] == .bytes([0x4D, 0x4D, 0x4D, 0x00, 0x00, 0xBC, 0x61, 0x4E]))
        #expect(json["mechanismName"] == .text("high-level-security-gmac") && json["mechanismNameCode"] == .integer(5))
        #expect(json["applicationContextName"] == .text("logical-name-referencing-with-ciphering"))
        guard case let .fields(information)? = json["userInformation"] else {
            Issue.record("no user-information object")
            return
        }
        #expect(information.first == .text("type", "glo-initiate-request"))
        #expect(information.contains(.integer("securityControl", 48)))
        #expect(information.contains(.integer("invocationCounter", 1)))
        #expect(apdu.guruxXML(PresentationContext()).xmlText.contains("<!--system title: manufacturer MMM, 0000BC614E-->"))
    }

    @Test func aarqJSONCarriesTheInitiateRequest() throws {
        let apdu = try Self.presentable(try Self.input("01_aarq_ln_no_security"))
        #expect(apdu.apduType == "aarq" && apdu.variant == nil)
        let json = Self.json(apdu)
        #expect(json["applicationContextNameCode"] == .integer(1))
        #expect(json["applicationContextNameOid"] == .text("2.16.756.5.8.1.1"))
        guard case let .fields(request)? = json["userInformation"] else {
            Issue.record("no user-information object")
            return
        }
        #expect(request == [
            .text("type", "initiate-request"), .boolean("responseAllowed", true), .integer("proposedDlmsVersion", 6),
            .bytes("proposedConformance", [0x40, 0x1E, 0x5D]),
            Field("proposedConformanceBits", .list([
                "general-protection", "block-transfer-with-get-or-read", "block-transfer-with-set-or-write",
                "block-transfer-with-action", "multiple-references", "access", "get", "set", "selective-access", "action",
            ].map { .text($0) })),
            .integer("clientMaxReceivePduSize", 65535),
        ])
    }

    @Test func aareJSONCarriesResultAndDiagnostic() throws {
        let rejected = Self.json(try Self.presentable(try Self.input("05_aare_rejected_auth_failure")))
        #expect(rejected["result"] == .text("rejected-permanent") && rejected["resultCode"] == .integer(1))
        #expect(rejected["resultSource"] == .text("acse-service-user"))
        #expect(rejected["diagnostic"] == .text("authentication-failure") && rejected["diagnosticCode"] == .integer(13))
        guard case let .fields(error)? = rejected["userInformation"] else {
            Issue.record("no user-information object")
            return
        }
        #expect(error.first == .text("type", "confirmed-service-error"))
        #expect(error.contains(.text("error", "dlms-version-too-low")))
        let hls = Self.json(try Self.presentable(try Self.input("06_aare_hls_gmac_glo_initiate")))
        #expect(hls["respondingApTitle"] == .bytes([0x4D, 0x4D, 0x4D, 0, 0, 0, 0, 1]))
        #expect(hls["responderAcseRequirements"] == Field.Value.list([.text("authentication")]))
        #expect(hls["respondingAuthenticationValue"] == .bytes(Array("P6wRJ21F".utf8)))
        #expect(hls["diagnostic"] == .text("authentication-required"))
    }

    @Test func releaseJSON() throws {
        #expect(try Self.presentable(try Self.input("07_release_request")).jsonFields(PresentationContext())
            == [.text("reason", "normal"), .integer("reasonCode", 0)])
        let rlre = try Self.presentable(try Self.input("08_release_response"))
        #expect(rlre.apduType == "rlre")
        #expect(rlre.jsonFields(PresentationContext()) == [.text("reason", "normal"), .integer("reasonCode", 0)])
    }

    /// Gurux prints `ACSEServiceUser` for an acse-service-provider diagnostic; the standard's element is ours.
    @Test func serviceProviderDiagnosticIsNamedAsSuch() throws {
        let apdu = try Self.presentable(ACSETestBytes.hex("6111A109060760857405080101A203020102A305A203020102"))
        guard case let .element(_, _, children) = try #require(Self.ourTree(apdu)) else { return }
        #expect(children.contains(.element("ResultSourceDiagnostic", attributes: [:], children: [
            .element("ACSEServiceProvider", attributes: ["Value": "02"], children: []),
        ])))
        #expect(Self.json(apdu)["diagnostic"] == .text("no-common-acse-version"))
    }

    /// Gurux's RLRE with an InitiateResponse opens `ProposedConformance` and closes
    /// `NegotiatedConformance` (not well-formed); ours is `NegotiatedConformance`.
    @Test func releaseResponseWithInitiateResponse() throws {
        let apdu = try Self.presentable(ACSETestBytes.hex("6311800100BE0F040E0800065F1F0400001E5D04000007"))
        let tree = try #require(Self.ourTree(apdu))
        guard case let .element("ReleaseResponse", _, children) = tree, case let .element("InitiateResponse", _, response)? = children.last
        else {
            Issue.record("unexpected shape \(tree)")
            return
        }
        #expect(children.first == .element("Reason", attributes: ["Value": "Normal"], children: []))
        #expect(response.contains { if case .element("NegotiatedConformance", _, _) = $0 { return true }; return false })
    }

    @Test func everyElementOfAFullAARQIsShownInOrder() throws {
        let aarq = AARQ(
            protocolVersion: .firstBitOnly, calledAPTitle: Array("SRV00001".utf8), calledAEQualifier: [0x30, 0x00],
            calledAPInvocationId: BERInteger(300), calledAEInvocationId: BERInteger(2),
            callingAPTitle: Array("ABCDEFGH".utf8), callingAEQualifier: [0x01], callingAPInvocationId: BERInteger(7),
            callingAEInvocationId: BERInteger(5), senderACSERequirements: .firstBitOnly, mechanismName: .cosem(group: 2, value: 9),
            callingAuthenticationValue: AuthenticationValue(tag: 0x81, value: [0x07, 0x80]),
            implementationInformation: Array("dlmscope".utf8), userInformation: .unrecognized([0xC0, 0x01]),
            otherElements: [BERElement(tag: [0xAD], content: [0x05, 0x00])])
        let tree = try #require(Self.ourTree(aarq))
        guard case let .element("AssociationRequest", _, children) = tree else { return }
        let names: [String] = children.compactMap { if case let .element(name, _, _) = $0 { return name }; return nil }
        #expect(names == [
            "ProtocolVersion", "ApplicationContextName", "CalledAPTitle", "CalledAEQualifier", "CalledAPInvocationId",
            "CalledAEInvocationId", "CallingAPTitle", "CallingAEQualifier", "CallingApInvocationId", "CallingAEInvocationId",
            "SenderACSERequirements", "MechanismName", "CallingAuthentication", "UnknownElement", "ImplementationInformation",
            "UserInformation",
        ])
        #expect(children.contains(.element("CalledAPInvocationId", attributes: ["Value": "012C"], children: [])))
        #expect(children.contains(.element("MechanismName", attributes: ["Value": "UNKNOWN"], children: [])))
        #expect(children.contains(.element("UnknownElement", attributes: ["Tag": "AD", "Value": "0500"], children: [])))
        let json = Self.json(aarq)
        #expect(json["calledApInvocationId"] == .integer(300))
        #expect(json["mechanismNameOid"] == .text("2.16.756.5.8.2.9") && json["mechanismName"] == nil)
        #expect(json["callingAuthenticationValueAlternative"] == .text("bitstring"))
        #expect(json["implementationInformation"] == .bytes(Array("dlmscope".utf8)))
        #expect(json["protocolVersion"] == .text("1"))
        #expect(json["otherElements"] == .list([.fields([.bytes("tag", [0xAD]), .bytes("content", [0x05, 0x00])])]))
    }

    /// Elements received out of order are shown in that order, as Gurux (which reads sequentially) shows them.
    @Test func elementsAreShownInTheOrderReceived() throws {
        let apdu = try Self.presentable(ACSETestBytes.hex("6111 BE0604040E010601 A203020101 A109060760857405080101"))
        guard case let .element(_, _, children) = try #require(Self.ourTree(apdu)) else { return }
        let names: [String] = children.compactMap { if case let .element(name, _, _) = $0 { return name }; return nil }
        #expect(names == ["ConfirmedServiceError", "AssociationResult", "ApplicationContextName"])
    }
}

enum ACSETestBytes {
    static func hex(_ text: String) -> [UInt8] { Hex.decode(text) ?? [] }
}
