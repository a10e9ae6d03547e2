import DLMSAPDU
import DLMSCore
import DLMSOutput
import DLMSTestSupport
import Testing

/// The ciphered envelopes in JSON and in the Gurux vocabulary: every
/// reference case of the family, equal to Gurux's element (comments removed)
/// where Gurux is right, dlmscope's documented element where it is not
/// (52, 55, 56, 57, 82).
@Suite struct CipheredPresentationTests {
    let context = PresentationContext()

    static func serviceSpecific(_ name: String) throws -> ServiceSpecificCipheredAPDU {
        try SNCipheredCase.decode(name) { (reader, notes) throws(DecodingError) in
            try ServiceSpecificCipheredAPDU(from: &reader, notes: &notes)
        }
    }

    static func general(_ name: String) throws -> GeneralGloDedCiphering {
        try SNCipheredCase.decode(name) { (reader, notes) throws(DecodingError) in
            try GeneralGloDedCiphering(from: &reader, notes: &notes)
        }
    }

    @Test(arguments: [
        "36_glo_get_request_auth_10", "37_glo_get_request_enc_20", "38_glo_get_request_authenc_30",
        "39_glo_get_request_bad_tag_30", "40_glo_get_request_bad_tag_10", "41_glo_get_request_wrong_key",
        "42_glo_set_request_30", "43_glo_action_request_30", "44_glo_get_response_30_array100",
        "45_glo_get_response_30_no_server_systitle", "46_ded_get_request_30", "47_ded_get_response_30",
        "53_glo_get_request_suite1_31", "54_glo_get_request_suite2_32",
    ])
    func serviceSpecificElementsMatchGurux(name: String) throws {
        let apdu = try Self.serviceSpecific(name)
        #expect(try SNCipheredXML.ours(apdu.guruxXML(context)) == (try SNCipheredXML.gurux(name)))
    }

    @Test func hdlcFrameCase68CarriesTheSameElement() throws {
        let frame = try SNCipheredCase.bytes("68_hdlc_iframe_glo_get_30")
        // 7E A0 2D, destination 02 23, source 21, control 54, HCS CB 90, LLC E6 E6 00, APDU, FCS, 7E
        let apduBytes = Array(frame[12..<(frame.count - 3)])
        var reader = ByteReader(apduBytes)
        var notes = DecodingNotes()
        let apdu = try ServiceSpecificCipheredAPDU(from: &reader, notes: &notes)
        #expect(reader.isAtEnd)
        #expect(try SNCipheredXML.ours(apdu.guruxXML(context)) == (try SNCipheredXML.guruxFramePDU("68_hdlc_iframe_glo_get_30")))
    }

    @Test func gloEventNotificationOfCase82HasAnElementGuruxLacks() throws {
        let apdu = try Self.serviceSpecific("82_glo_event_notification_30")
        #expect(apdu.apduType == "glo-event-notification-request")
        #expect(try SNCipheredXML.ours(apdu.guruxXML(context)) == (try SNCipheredXML.expected("""
        <glo_EventNotificationRequest Value="\(Hex.encode(apdu.cipheredBytes))" />
        """)))
        #expect(apdu.cipheredBytes.prefix(5) == [0x30, 0x00, 0x00, 0x06, 0x00])
    }

    @Test func serviceSpecificJSON() throws {
        let apdu = try Self.serviceSpecific("38_glo_get_request_authenc_30")
        #expect(apdu.apduType == "glo-get-request" && apdu.variant == nil)
        let json = apdu.jsonFields(context)
        #expect(SNCipheredJSON.at(json, "service") == .text("get-request"))
        #expect(SNCipheredJSON.at(json, "serviceTag") == .integer(0xC0))
        #expect(SNCipheredJSON.at(json, "key") == .text("global-unicast"))
        #expect(SNCipheredJSON.at(json, "securityControl") == .integer(0x30))
        #expect(SNCipheredJSON.at(json, "suite") == .integer(0))
        #expect(SNCipheredJSON.at(json, "suiteName") == .text("AES-GCM-128"))
        #expect(SNCipheredJSON.at(json, "authenticated") == .boolean(true))
        #expect(SNCipheredJSON.at(json, "encrypted") == .boolean(true))
        #expect(SNCipheredJSON.at(json, "broadcastKey") == .boolean(false))
        #expect(SNCipheredJSON.at(json, "invocationCounter") == .integer(0x01234567))
        #expect(SNCipheredJSON.at(json, "ciphertext") == .bytes(SNCipheredCase.hex("411312FF935A47566827C467BC")))
        #expect(SNCipheredJSON.at(json, "tag") == .bytes(SNCipheredCase.hex("7D825C3BE4A77C3FCC056B6B")))
        #expect(SNCipheredJSON.at(json, "plaintext") == nil)

        let authenticationOnly = try Self.serviceSpecific("36_glo_get_request_auth_10").jsonFields(context)
        #expect(SNCipheredJSON.at(authenticationOnly, "plaintext") == .bytes(SNCipheredCase.hex("C0010000080000010000FF0200")))
        #expect(SNCipheredJSON.at(authenticationOnly, "ciphertext") == nil)
        let encryptionOnly = try Self.serviceSpecific("37_glo_get_request_enc_20").jsonFields(context)
        #expect(SNCipheredJSON.at(encryptionOnly, "tag") == nil)
        let dedicated = try Self.serviceSpecific("47_ded_get_response_30").jsonFields(context)
        #expect(SNCipheredJSON.at(dedicated, "key") == .text("dedicated"))
        #expect(SNCipheredJSON.at(dedicated, "service") == .text("get-response"))
        let suite2 = try Self.serviceSpecific("54_glo_get_request_suite2_32").jsonFields(context)
        #expect(SNCipheredJSON.at(suite2, "suiteName") == .text("ECDH-ECDSA-AES-GCM-256-SHA-384"))
    }

    @Test func securityCommentExplainsTheHeader() throws {
        let node = try Self.serviceSpecific("38_glo_get_request_authenc_30").guruxXML(context)
        let comment = try #require(SNCipheredXML.comments(node).first)
        #expect(comment.contains("security control 30"))
        #expect(comment.contains("authenticated and encrypted"))
        #expect(comment.contains("invocation counter 19088743 (01234567)"))
        #expect(comment.contains("tag 7D825C3BE4A77C3FCC056B6B"))
    }

    @Test(arguments: [
        "48_general_glo_ciphering_notification_30", "49_general_glo_ciphering_request_10",
        "50_general_glo_ciphering_bad_tag_10", "51_general_glo_ciphering_enc_20",
    ])
    func generalGloCipheringMatchesGurux(name: String) throws {
        let apdu = try Self.general(name)
        #expect(try SNCipheredXML.ours(apdu.guruxXML(context)) == (try SNCipheredXML.gurux(name)))
    }

    @Test func wrapperFrameCase71CarriesTheSameElement() throws {
        let frame = try SNCipheredCase.bytes("71_wrapper_data_notification_ciphered")
        var reader = ByteReader(Array(frame.dropFirst(8)))
        var notes = DecodingNotes()
        let apdu = try GeneralGloDedCiphering(from: &reader, notes: &notes)
        #expect(try SNCipheredXML.ours(apdu.guruxXML(context))
            == (try SNCipheredXML.guruxFramePDU("71_wrapper_data_notification_ciphered")))
    }

    /// Gurux labels general-ded-ciphering `GeneralGloCiphering` (README); the children are the same.
    @Test func generalDedCipheringHasItsOwnName() throws {
        let apdu = try Self.general("52_general_ded_ciphering_30")
        #expect(apdu.apduType == "general-ded-ciphering")
        guard case let .element(name, attributes, children) = try SNCipheredXML.ours(apdu.guruxXML(context)),
              case let .element(guruxName, _, guruxChildren) = try SNCipheredXML.gurux("52_general_ded_ciphering_30")
        else {
            Issue.record("not elements")
            return
        }
        #expect(name == "GeneralDedCiphering" && guruxName == "GeneralGloCiphering")
        #expect(attributes.isEmpty && children == guruxChildren)
    }

    @Test func generalGloCipheringJSONAndComments() throws {
        let apdu = try Self.general("48_general_glo_ciphering_notification_30")
        let json = apdu.jsonFields(context)
        #expect(SNCipheredJSON.at(json, "systemTitle") == .bytes(SNCipheredCase.hex("4D4D4D0000000001")))
        #expect(SNCipheredJSON.at(json, "systemTitleManufacturer") == .text("MMM"))
        #expect(SNCipheredJSON.at(json, "key") == .text("global-unicast"))
        #expect(SNCipheredJSON.at(json, "invocationCounter") == .integer(0x300))
        #expect(SNCipheredJSON.at(json, "tag") == .bytes(SNCipheredCase.hex("A90D065EFDB74E9059A2CF24")))
        let comments = SNCipheredXML.comments(apdu.guruxXML(context))
        #expect(comments.first == "system title 4D4D4D0000000001: manufacturer MMM, serial number 1")

        let empty = GeneralGloDedCiphering(key: .dedicated, systemTitle: [], content: apdu.content)
        #expect(SNCipheredXML.comments(empty.guruxXML(context)).first?.contains("known from the association") == true)
        #expect(SNCipheredJSON.at(empty.jsonFields(context), "systemTitle") == .bytes([]))
        #expect(SNCipheredJSON.at(empty.jsonFields(context), "key") == .text("dedicated"))
    }

    /// A later stage nests the decrypted APDU as the envelope's last child.
    @Test func decryptedAPDUsNestAsChildren() throws {
        let child = XMLNode.node("GetRequest", [], [.node("GetRequestNormal")])
        let service = try Self.serviceSpecific("38_glo_get_request_authenc_30")
        guard case let .element(_, attributes, children) = service.guruxXML(context, children: [child]) else {
            Issue.record("not an element")
            return
        }
        #expect(attributes.first?.name == "Value" && children.last == child)
        let envelopes: [XMLNode] = [
            try Self.general("48_general_glo_ciphering_notification_30").guruxXML(context, children: [child]),
            try SNCipheredCase.decode("55_general_ciphering_no_key_info") { (reader, notes) throws(DecodingError) in
                try GeneralCiphering(from: &reader, notes: &notes)
            }.guruxXML(context, children: [child]),
            try SNCipheredCase.decode("57_general_signing") { (reader, notes) throws(DecodingError) in
                try GeneralSigning(from: &reader, notes: &notes)
            }.guruxXML(context, children: [child]),
        ]
        for envelope in envelopes {
            guard case let .element(_, _, children) = envelope else { continue }
            #expect(children.last == child)
            _ = try SNCipheredXML.ours(envelope) // well-formed
        }
    }

    @Test func generalCipheringOfCases55And56() throws {
        let noKeyInfo = try SNCipheredCase.decode("55_general_ciphering_no_key_info") { (reader, notes) throws(DecodingError) in
            try GeneralCiphering(from: &reader, notes: &notes)
        }
        let content = "3000000400" + "8E4CDC5BA3420425B858602F9D5840A48967F48FB7C843F3EB"
        #expect(try SNCipheredXML.ours(noKeyInfo.guruxXML(context)) == (try SNCipheredXML.expected("""
        <GeneralCiphering>
          <TransactionId Value="0000000000000400" />
          <OriginatorSystemTitle Value="4D4D4D0000BC614E" />
          <RecipientSystemTitle Value="4D4D4D0000000001" />
          <DateTime Value="" />
          <OtherInformation Value="" />
          <CipheredContent Value="\(content)" />
        </GeneralCiphering>
        """)))
        let json = noKeyInfo.jsonFields(context)
        #expect(SNCipheredJSON.at(json, "transactionId") == .bytes(SNCipheredCase.hex("0000000000000400")))
        #expect(SNCipheredJSON.at(json, "originatorSystemTitle") == .bytes(SNCipheredCase.hex("4D4D4D0000BC614E")))
        #expect(SNCipheredJSON.at(json, "recipientSystemTitle") == .bytes(SNCipheredCase.hex("4D4D4D0000000001")))
        #expect(SNCipheredJSON.at(json, "keyInfo") == .null)
        #expect(SNCipheredJSON.at(json, "key") == nil)
        #expect(SNCipheredJSON.at(json, "invocationCounter") == .integer(0x400))

        let staticModel = try SNCipheredCase.decode("56_general_ciphering_agreed_key_static") { (reader, notes) throws(DecodingError) in
            try GeneralCiphering(from: &reader, notes: &notes)
        }
        #expect(try SNCipheredXML.ours(staticModel.guruxXML(context)) == (try SNCipheredXML.expected("""
        <GeneralCiphering>
          <TransactionId Value="0000000000000401" />
          <OriginatorSystemTitle Value="4D4D4D0000BC614E" />
          <RecipientSystemTitle Value="4D4D4D0000000001" />
          <DateTime Value="" />
          <OtherInformation Value="" />
          <KeyInfo><AgreedKey><KeyParameters Value="02" /><KeyCipheredData Value="" /></AgreedKey></KeyInfo>
          <CipheredContent Value="\(content)" />
        </GeneralCiphering>
        """)))
        let staticJSON = staticModel.jsonFields(context)
        #expect(SNCipheredJSON.at(staticJSON, "keyInfo.choice") == .text("agreed-key"))
        #expect(SNCipheredJSON.at(staticJSON, "keyInfo.scheme") == .text("static-unified-model"))
        #expect(SNCipheredJSON.at(staticJSON, "keyInfo.schemeCode") == .integer(2))
        #expect(SNCipheredJSON.at(staticJSON, "key") == .text("agreed"))
    }

    @Test func otherKeyInfoAlternatives() throws {
        let content = try CipheredContent(decoding: SNCipheredCase.hex("21 00000009 0102")[...])
        var apdu = GeneralCiphering(
            transactionId: [0x01], originatorSystemTitle: AXDROctetString(SNCipheredCase.hex("4D4D4D0000BC614E")),
            recipientSystemTitle: AXDROctetString(SNCipheredCase.hex("4D4D4D0000000001")),
            keyInfo: .identifiedKey(KeyID(rawValue: 1)), content: content
        )
        guard case let .element(_, _, children) = apdu.guruxXML(context) else { return }
        let keyInfo = children.first { if case .element("KeyInfo", _, _) = $0 { true } else { false } }
        #expect(try keyInfo.map(SNCipheredXML.ours) == (try SNCipheredXML.expected(
            "<KeyInfo><IdentifiedKey><KeyId Value=\"01\" /></IdentifiedKey></KeyInfo>"
        )))
        #expect(SNCipheredJSON.at(apdu.jsonFields(context), "keyInfo.keyId") == .text("global-broadcast-encryption-key"))
        #expect(SNCipheredJSON.at(apdu.jsonFields(context), "key") == .text("global-broadcast"))

        apdu.keyInfo = .wrappedKey(kekId: KEKID(rawValue: 0), keyCipheredData: AXDROctetString(SNCipheredCase.hex("1FA68B0A8112B447")))
        guard case let .element(_, _, wrappedChildren) = apdu.guruxXML(context) else { return }
        let wrapped = wrappedChildren.first { if case .element("KeyInfo", _, _) = $0 { true } else { false } }
        #expect(try wrapped.map(SNCipheredXML.ours) == (try SNCipheredXML.expected(
            "<KeyInfo><WrappedKey><KekId Value=\"00\" /><KeyCipheredData Value=\"1FA68B0A8112B447\" /></WrappedKey></KeyInfo>"
        )))
        #expect(SNCipheredJSON.at(apdu.jsonFields(context), "keyInfo.kekId") == .text("master-key"))
        #expect(SNCipheredJSON.at(apdu.jsonFields(context), "key") == .text("transported"))
    }

    @Test func onePassDiffieHellmanKeyIsSplitInJSON() throws {
        let data = [UInt8](repeating: 0xAA, count: 64) + [UInt8](repeating: 0xBB, count: 64)
        let content = try CipheredContent(decoding: SNCipheredCase.hex("31 00000000 01 000102030405060708090A0B")[...])
        let apdu = GeneralCiphering(
            transactionId: AXDROctetString(SNCipheredCase.hex("0102030405060708")),
            originatorSystemTitle: AXDROctetString(SNCipheredCase.hex("4D4D4D0000BC614E")),
            recipientSystemTitle: AXDROctetString(SNCipheredCase.hex("4D4D4D0000000001")),
            keyInfo: .agreedKey(keyParameters: [0x01], keyCipheredData: AXDROctetString(data)), content: content
        )
        let json = apdu.jsonFields(context)
        #expect(SNCipheredJSON.at(json, "keyInfo.scheme") == .text("one-pass-diffie-hellman"))
        #expect(SNCipheredJSON.at(json, "keyInfo.ephemeralPublicKey") == .bytes(Array(data.prefix(64))))
        #expect(SNCipheredJSON.at(json, "keyInfo.ephemeralPublicKeySignature") == .bytes(Array(data.suffix(64))))
        #expect(SNCipheredJSON.at(json, "suite") == .integer(1))
    }

    @Test func generalSigningOfCase57() throws {
        let apdu = try SNCipheredCase.decode("57_general_signing") { (reader, notes) throws(DecodingError) in
            try GeneralSigning(from: &reader, notes: &notes)
        }
        #expect(apdu.apduType == "general-signing")
        #expect(try SNCipheredXML.ours(apdu.guruxXML(context)) == (try SNCipheredXML.expected("""
        <GeneralSigning>
          <TransactionId Value="0000000000000001" />
          <OriginatorSystemTitle Value="4D4D4D0000BC614E" />
          <RecipientSystemTitle Value="4D4D4D0000000001" />
          <DateTime Value="" />
          <OtherInformation Value="" />
          <Content Value="C0010000080000010000FF0200" />
          <Signature Value="" />
        </GeneralSigning>
        """)))
        let json = apdu.jsonFields(context)
        #expect(SNCipheredJSON.at(json, "content") == .bytes(SNCipheredCase.hex("C0010000080000010000FF0200")))
        #expect(SNCipheredJSON.at(json, "contentType") == .text("get-request"))
        #expect(SNCipheredJSON.at(json, "signature") == .bytes([]))
        #expect(SNCipheredJSON.at(json, "originatorSystemTitleManufacturer") == .text("MMM"))
    }
}
