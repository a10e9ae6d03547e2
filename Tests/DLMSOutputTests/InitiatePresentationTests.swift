import DLMSAPDU
import DLMSCore
import DLMSOutput
import DLMSTestSupport
import Foundation
import Testing

/// InitiateRequest, InitiateResponse and the ciphered initiate APDUs in XML
/// and JSON (their Gurux comparisons are in ACSEPresentationTests: cases 01-06
/// nest them, and the oracle outputs for g13 and a01's plaintext).
@Suite struct InitiatePresentationTests {
    typealias P = ACSEPresentationTests

    @Test func requestJSONOfTheVector() throws {
        let request = try P.presentable(ACSETestBytes.hex("01000000065F1F0400007E1F04B0"))  // g11
        #expect(request.apduType == "initiate-request" && request.variant == nil)
        let json = P.json(request)
        #expect(json["responseAllowed"] == .boolean(true))
        #expect(json["proposedDlmsVersion"] == .integer(6))
        #expect(json["proposedConformance"] == .bytes([0x00, 0x7E, 0x1F]))
        #expect(json["clientMaxReceivePduSize"] == .integer(1200))
        #expect(json["dedicatedKey"] == nil && json["proposedQualityOfService"] == nil)
    }

    @Test func dedicatedKeyIsASecret() throws {
        let request = try P.presentable(ACSETestBytes.hex("01011000112233445566778899AABBCCDDEEFF0000065F1F0400007E1F04B0"))  // a01
        let hidden = P.json(request)
        #expect(hidden["dedicatedKey"] == nil && hidden["dedicatedKeyHidden"] == .boolean(true))
        #expect(hidden["dedicatedKeyLength"] == .integer(16))
        #expect(!request.guruxXML(PresentationContext()).xmlText.contains("00112233"))
        let shown = P.json(request, PresentationContext(showSecrets: true))
        #expect(shown["dedicatedKey"] == .bytes(ACSETestBytes.hex("00112233445566778899AABBCCDDEEFF")))
    }

    /// Gurux shows response-allowed as ProposedQualityOfService and fails on a real
    /// QoS; by the standard each has its own element.
    @Test func responseAllowedAndQualityOfServiceHaveTheirElements() throws {
        let request = InitiateRequest(
            responseAllowed: false, proposedQualityOfService: 5, proposedConformance: Conformance(rawValue: 0x001E1D),
            clientMaxReceivePDUSize: 0x0200)
        let tree = try #require(P.ourTree(request))
        #expect(tree == GuruxReference.tree("""
            <InitiateRequest>
              <ResponseAllowed Value="False" />
              <ProposedQualityOfService Value="05" />
              <ProposedDlmsVersionNumber Value="06" />
              <ProposedConformance>
                <ConformanceBit Name="BlockTransferWithGetOrRead" />
                <ConformanceBit Name="BlockTransferWithSetOrWrite" />
                <ConformanceBit Name="BlockTransferWithAction" />
                <ConformanceBit Name="MultipleReferences" />
                <ConformanceBit Name="Get" />
                <ConformanceBit Name="Set" />
                <ConformanceBit Name="SelectiveAccess" />
                <ConformanceBit Name="Action" />
              </ProposedConformance>
              <ProposedMaxPduSize Value="0200" />
            </InitiateRequest>
            """))
        let json = P.json(request)
        #expect(json["responseAllowed"] == .boolean(false) && json["proposedQualityOfService"] == .integer(5))
    }

    /// h03: Gurux reads QoS 0x12 as a length and fails; the value is shown.
    @Test func negotiatedQualityOfServiceIsShown() throws {
        let response = try P.presentable(ACSETestBytes.hex("080112065F1F0400007C1F04000007"))
        guard case let .element("InitiateResponse", _, children) = try #require(P.ourTree(response)) else { return }
        #expect(children.first == .element("NegotiatedQualityOfService", attributes: ["Value": "12"], children: []))
        let json = P.json(response)
        #expect(json["negotiatedQualityOfService"] == .integer(18))
        #expect(json["serverMaxReceivePduSize"] == .integer(1024))
        #expect(json["vaaName"] == .bytes([0x00, 0x07]))
        // 007C1F: bits 9-13 and 19-23 (bit 0 is the most significant bit of the first byte).
        #expect(json["negotiatedConformanceBits"] == .list([
            "priority-mgmt-supported", "attribute0-supported-with-get", "block-transfer-with-get-or-read",
            "block-transfer-with-set-or-write", "block-transfer-with-action", "get", "set", "selective-access",
            "event-notification", "action",
        ].map { .text($0) }))
    }

    @Test func olderConformanceTagIsShownInJSONAndAComment() throws {
        let request = try P.presentable(ACSETestBytes.hex("01000000065F0400181A200000"))  // h01's InitiateRequest
        let json = P.json(request)
        #expect(json["proposedConformanceTag"] == .text("5F"))
        #expect(json["proposedConformance"] == .bytes([0x18, 0x1A, 0x20]))
        #expect(request.guruxXML(PresentationContext()).xmlText.contains("<!--conformance tag written as 5F, without 1F"))
    }

    @Test func cipheredInitiateIsShownAsGuruxPrintsIt() throws {
        let ciphered = try P.presentable(ACSETestBytes.hex(
            "21303001234567801302FF8A7874133D414CED25B42534D28DB0047720606B175BD52211BE6841DB204D39EE6FDB8E356855"))  // a01
        #expect(ciphered.apduType == "glo-initiate-request")
        #expect(P.ourTree(ciphered) == .element("glo_InitiateRequest", attributes: [
            "Value": "3001234567801302FF8A7874133D414CED25B42534D28DB0047720606B175BD52211BE6841DB204D39EE6FDB8E356855",
        ], children: []))
        #expect(ciphered.jsonFields(PresentationContext()) == [
            .integer("securityControl", 0x30), .integer("suite", 0), .boolean("authenticated", true), .boolean("encrypted", true),
            .boolean("broadcastKey", false), .boolean("compressed", false), .integer("invocationCounter", 0x0123_4567),
            .bytes("cipheredContent", ACSETestBytes.hex(
                "801302FF8A7874133D414CED25B42534D28DB0047720606B175BD52211BE6841DB204D39EE6FDB8E356855")),
        ])
    }

    @Test func decryptedInitiateIsAChildOfItsEnvelope() throws {
        let ciphered = CipheredInitiate(kind: .dedInitiateResponse, securityControl: 0x20, invocationCounter: 2, cipheredContent: [0xAA])
        let plaintext = InitiateResponse(negotiatedConformance: Conformance(rawValue: 0x1C), serverMaxReceivePDUSize: 0x100)
        let node = ciphered.guruxXML(PresentationContext(), plaintext: [plaintext.guruxXML(PresentationContext())])
        guard case let .element("ded_InitiateResponse", attributes, children)? = GuruxReference.tree(node.xmlText) else {
            Issue.record("not an element")
            return
        }
        #expect(attributes == ["Value": "2000000002AA"])
        #expect(children.count == 1)
        if case let .element(name, _, _)? = children.first { #expect(name == "InitiateResponse") }
    }
}
