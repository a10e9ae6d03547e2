import DLMSAPDU
import DLMSCore
import DLMSSecurity

/// Builds the session's APDUs in order, keeping each sender's invocation counter.
struct SuiteMessageBuilder {
    let session: SuiteSession
    let keys: SuiteSession.KeyPairs
    var clientCounter: UInt32 = 0
    var serverCounter: UInt32 = 0x0000_1000
    var transaction: UInt64 = 0x0000_0000_0000_0000
    var messages: [SuiteSessionCapture.Message] = []

    init(session: SuiteSession, keys: SuiteSession.KeyPairs) {
        self.session = session
        self.keys = keys
        transaction = 0x5355_4954_4500_0000 | UInt64(session.suite) << 8  // "SUITE" ‖ 00 ‖ suite ‖ n
    }

    mutating func add(_ fromClient: Bool, _ apdu: [UInt8], _ label: String) {
        messages.append(.init(fromClient: fromClient, apdu: apdu, label: label))
    }

    mutating func nextCounter(fromClient: Bool) -> UInt32 {
        if fromClient {
            clientCounter += 1
            return clientCounter
        }
        serverCounter += 1
        return serverCounter
    }

    mutating func nextTransaction() -> [UInt8] {
        transaction += 1
        return (0..<8).map { UInt8(truncatingIfNeeded: transaction >> (56 - 8 * UInt64($0))) }
    }

    func titles(fromClient: Bool) -> (originator: [UInt8], recipient: [UInt8]) {
        fromClient ? (session.clientSystemTitle, session.serverSystemTitle)
            : (session.serverSystemTitle, session.clientSystemTitle)
    }

    // MARK: Envelopes

    /// A+E content under `key`, IV = the sender's title ‖ IC.
    mutating func seal(
        _ plaintext: [UInt8], fromClient: Bool, key: [UInt8], extraAuthenticatedData: [UInt8] = []
    ) throws -> CipheredContent {
        try CipheredContentOpener.seal(
            plaintext: plaintext, securityControl: session.securityControl,
            invocationCounter: nextCounter(fromClient: fromClient), systemTitle: titles(fromClient: fromClient).originator,
            encryptionKey: key, authenticationKey: session.authenticationKey,
            extraAuthenticatedData: extraAuthenticatedData
        )
    }

    /// A glo- service-specific envelope under the global unicast EK of the keys file.
    mutating func glo(_ plaintext: [UInt8], fromClient: Bool) throws -> [UInt8] {
        let content = try seal(plaintext, fromClient: fromClient, key: session.encryptionKey)
        guard let first = plaintext.first,
              let envelope = ServiceSpecificCipheredAPDU(service: first, key: .global, content: content)
        else { throw SecurityError("no glo- envelope for the APDU \(Hex.encode(Array(plaintext.prefix(1))))") }
        return APDU.ciphered(envelope).encoded
    }

    /// A general-ciphering APDU carrying `plaintext` under `key`, announced by `keyInfo`.
    mutating func generalCiphering(
        _ plaintext: [UInt8], fromClient: Bool, transactionId: [UInt8], keyInfo: KeyInfo, key: [UInt8],
        dateTime: [UInt8] = []
    ) throws -> [UInt8] {
        let (originator, recipient) = titles(fromClient: fromClient)
        let extra = GeneralCipheringAuthentication.extraAuthenticatedData(
            transactionId: transactionId, originatorSystemTitle: originator, recipientSystemTitle: recipient,
            dateTime: dateTime, otherInformation: []
        )
        let content = try seal(plaintext, fromClient: fromClient, key: key, extraAuthenticatedData: extra)
        return APDU.generalCiphering(GeneralCiphering(
            transactionId: AXDROctetString(transactionId), originatorSystemTitle: AXDROctetString(originator),
            recipientSystemTitle: AXDROctetString(recipient), dateTime: AXDROctetString(dateTime),
            keyInfo: keyInfo, content: content
        )).encoded
    }

    /// A general-signing APDU around `content`, signed by the sender's signing key.
    func generalSigning(_ content: [UInt8], fromClient: Bool, transactionId: [UInt8]) throws -> [UInt8] {
        let (originator, recipient) = titles(fromClient: fromClient)
        let unsigned = GeneralSigning(
            transactionId: AXDROctetString(transactionId), originatorSystemTitle: AXDROctetString(originator),
            recipientSystemTitle: AXDROctetString(recipient), content: AXDROctetString(content), signature: []
        )
        let signed = try GeneralSigningMessage.sign(unsigned, with: fromClient ? keys.clientSigning : keys.serverSigning)
        return APDU.generalSigning(signed).encoded
    }

    /// A request and its response in general-ciphering with the same kind of key-info.
    enum KeyKind {
        case identified(newKey: Bool)
        case wrapped
        case onePassDiffieHellman
        case staticUnifiedModel

        var label: String {
            switch self {
            case .identified(false): "identified-key"
            case .identified(true): "identified-key (transferred EK)"
            case .wrapped: "wrapped-key"
            case .onePassDiffieHellman: "agreed-key One-Pass DH"
            case .staticUnifiedModel: "agreed-key Static Unified Model"
            }
        }
    }

    /// The key-info and the content key of a general-ciphering APDU by `fromClient`'s side.
    func keyInfo(_ kind: KeyKind, fromClient: Bool) throws -> (KeyInfo, [UInt8]) {
        let (originator, recipient) = titles(fromClient: fromClient)
        let curve = session.curve
        switch kind {
        case let .identified(newKey):
            return (.identifiedKey(KeyID(rawValue: 0)), newKey ? session.newEncryptionKey : session.encryptionKey)
        case .wrapped:
            let key = fromClient ? session.clientContentKey : session.serverContentKey
            let wrapped = try AESKeyWrap.wrap(key, kek: session.kek)
            return (.wrappedKey(kekId: KEKID(rawValue: 0), keyCipheredData: AXDROctetString(wrapped)), key)
        case .onePassDiffieHellman:
            let ephemeral = fromClient ? keys.clientEphemeral : keys.serverEphemeral
            let signing = fromClient ? keys.clientSigning : keys.serverSigning
            let recipientStatic = fromClient ? keys.serverAgreement : keys.clientAgreement
            let signature = try signing.signature(for: ephemeral.publicKey.point)
            let shared = try ephemeral.sharedSecret(with: recipientStatic.publicKey)
            let key = try KeyDerivation.cipheringKey(
                curve: curve, sharedSecret: shared, partyU: originator, partyV: recipient
            )
            return (.agreedKey(keyParameters: [0x01], keyCipheredData: AXDROctetString(ephemeral.publicKey.point + signature)), key)
        case .staticUnifiedModel:
            let own = fromClient ? keys.clientAgreement : keys.serverAgreement
            let peer = fromClient ? keys.serverAgreement : keys.clientAgreement
            let shared = try own.sharedSecret(with: peer.publicKey)
            let key = try KeyDerivation.cipheringKey(
                curve: curve, sharedSecret: shared, partyU: originator, partyV: recipient, between: []
            )
            return (.agreedKey(keyParameters: [0x02], keyCipheredData: []), key)
        }
    }

    mutating func cipheredExchange(
        _ kind: KeyKind, request: [UInt8], response: [UInt8], what: String, requestDateTime: [UInt8] = []
    ) throws {
        let transactionId = nextTransaction()
        let (requestInfo, requestKey) = try keyInfo(kind, fromClient: true)
        add(true, try generalCiphering(
            request, fromClient: true, transactionId: transactionId, keyInfo: requestInfo, key: requestKey,
            dateTime: requestDateTime
        ), "general-ciphering \(kind.label) request (\(what))")
        let (responseInfo, responseKey) = try keyInfo(kind, fromClient: false)
        add(false, try generalCiphering(
            response, fromClient: false, transactionId: transactionId, keyInfo: responseInfo, key: responseKey
        ), "general-ciphering \(kind.label) response (\(what))")
    }

    // MARK: The session

    mutating func messages(
        clientCertificate: [UInt8], serverCertificate: [UInt8], clientAgreementCertificate: [UInt8],
        serverAgreementCertificate: [UInt8]
    ) throws -> [SuiteSessionCapture.Message] {
        let clientTitle = session.clientSystemTitle
        let serverTitle = session.serverSystemTitle
        let ecdsa = BERObjectIdentifier.cosem(group: 2, value: 7)
        let context = BERObjectIdentifier.cosem(group: 1, value: 3)

        // 1. Association. The initiate request and response are sealed with suite-0-style AAD (SC ‖ AK).
        let initiateRequest = SuitePlainAPDUs.initiateRequest
        let requestContent = try seal(initiateRequest, fromClient: true, key: session.encryptionKey)
        let aarq = AARQ(
            applicationContextName: context, callingAPTitle: clientTitle, callingAEQualifier: clientCertificate,
            senderACSERequirements: .firstBitOnly, mechanismName: ecdsa,
            callingAuthenticationValue: .charstring(session.clientChallenge),
            userInformation: Self.initiate(.gloInitiateRequest, requestContent)
        )
        add(true, aarq.encoded, "AARQ")
        let responseContent = try seal(SuitePlainAPDUs.initiateResponse, fromClient: false, key: session.encryptionKey)
        let aare = AARE(
            applicationContextName: context, resultSourceDiagnostic: .serviceUser(.authenticationRequired),
            respondingAPTitle: serverTitle, respondingAEQualifier: serverCertificate,
            responderACSERequirements: .firstBitOnly, mechanismName: ecdsa,
            respondingAuthenticationValue: .charstring(session.serverChallenge),
            userInformation: Self.initiate(.gloInitiateResponse, responseContent)
        )
        add(false, aare.encoded, "AARE")

        // 2. HLS pass 3 and 4, mechanism 7.
        let clientReply = try HLSResponse.ecdsa(
            signingKey: keys.clientSigning, responderSystemTitle: clientTitle, peerSystemTitle: serverTitle,
            answeredChallenge: session.serverChallenge, ownChallenge: session.clientChallenge
        )
        let serverReply = try HLSResponse.ecdsa(
            signingKey: keys.serverSigning, responderSystemTitle: serverTitle, peerSystemTitle: clientTitle,
            answeredChallenge: session.clientChallenge, ownChallenge: session.serverChallenge
        )
        let association = SuitePlainAPDUs.associationLN
        add(true, try glo(SuitePlainAPDUs.action(0xC1, classId: 15, obis: association, method: 1,
                                                 .octetString(clientReply)), fromClient: true),
            "glo-action-request reply_to_HLS_authentication")
        add(false, try glo(SuitePlainAPDUs.actionResponse(0xC1, .octetString(serverReply)), fromClient: false),
            "glo-action-response reply_to_HLS_authentication")

        // 3. general-ciphering, one exchange per key-info kind.
        typealias P = SuitePlainAPDUs
        try cipheredExchange(.identified(newKey: false), request: P.get(0xC2, classId: 8, obis: P.clock, attribute: 2),
                             response: P.getResponse(0xC2, .octetString(P.clockValue)), what: "clock")
        try cipheredExchange(.wrapped, request: P.get(0xC3, classId: 3, obis: P.activeEnergy, attribute: 2),
                             response: P.getResponse(0xC3, .doubleLongUnsigned(948_764)), what: "active energy",
                             requestDateTime: P.clockValue)
        try cipheredExchange(.onePassDiffieHellman, request: P.accessRequest, response: P.accessResponse,
                             what: "access: clock and active energy")
        try cipheredExchange(.staticUnifiedModel, request: P.get(0xC4, classId: 3, obis: P.activeEnergy, attribute: 3),
                             response: P.getResponse(0xC4, .structure([.integer(0), .enum(30)])),
                             what: "active energy scaler_unit")

        // 4. general-signing around a glo- APDU and around a general-ciphering APDU. (A signed plain
        // APDU would be weaker than the A+E policy the association was established with.)
        var transactionId = nextTransaction()
        let gloRequest = try glo(P.get(0xC5, classId: 3, obis: P.activePower, attribute: 2), fromClient: true)
        add(true, try generalSigning(gloRequest, fromClient: true, transactionId: transactionId),
            "general-signing request (glo-get-request: active power)")
        let gloResponse = try glo(P.getResponse(0xC5, .doubleLongUnsigned(1_234)), fromClient: false)
        add(false, try generalSigning(gloResponse, fromClient: false, transactionId: transactionId),
            "general-signing response (glo-get-response: active power)")
        transactionId = nextTransaction()
        let (requestInfo, requestKey) = try keyInfo(.identified(newKey: false), fromClient: true)
        let cipheredRequest = try generalCiphering(
            P.get(0xC6, classId: 8, obis: P.clock, attribute: 2), fromClient: true, transactionId: transactionId,
            keyInfo: requestInfo, key: requestKey
        )
        add(true, try generalSigning(cipheredRequest, fromClient: true, transactionId: transactionId),
            "general-signing request (general-ciphering identified-key: clock)")
        let (responseInfo, responseKey) = try keyInfo(.identified(newKey: false), fromClient: false)
        let cipheredResponse = try generalCiphering(
            P.getResponse(0xC6, .octetString(P.clockValue)), fromClient: false, transactionId: transactionId,
            keyInfo: responseInfo, key: responseKey
        )
        add(false, try generalSigning(cipheredResponse, fromClient: false, transactionId: transactionId),
            "general-signing response (general-ciphering identified-key: clock)")

        // 5. Security setup: import and export certificates, key_transfer, then the new EK in use.
        let securitySetup = P.securitySetup
        add(true, try glo(P.action(0xC7, classId: 64, obis: securitySetup, method: 6,
                                   .octetString(clientAgreementCertificate)), fromClient: true),
            "glo-action-request import_certificate")
        add(false, try glo(P.actionResponse(0xC7, nil), fromClient: false), "glo-action-response import_certificate")
        // export_certificate by entity: the server's key-agreement certificate for its system title.
        let byEntity = DLMSData.structure([.enum(0), .structure([.enum(0), .enum(1), .octetString(serverTitle)])])
        add(true, try glo(P.action(0xC8, classId: 64, obis: securitySetup, method: 7, byEntity), fromClient: true),
            "glo-action-request export_certificate")
        add(false, try glo(P.actionResponse(0xC8, .octetString(serverAgreementCertificate)), fromClient: false),
            "glo-action-response export_certificate")
        let wrappedKey = try AESKeyWrap.wrap(session.newEncryptionKey, kek: session.kek)
        let transfer = DLMSData.array([.structure([.enum(0), .octetString(wrappedKey)])])
        add(true, try glo(P.action(0xC9, classId: 64, obis: securitySetup, method: 2, transfer), fromClient: true),
            "glo-action-request key_transfer")
        add(false, try glo(P.actionResponse(0xC9, nil), fromClient: false), "glo-action-response key_transfer")
        try cipheredExchange(.identified(newKey: true), request: P.get(0xCA, classId: 8, obis: P.clock, attribute: 2),
                             response: P.getResponse(0xCA, .octetString(P.clockValueLater)), what: "clock")

        // 6. Release.
        add(true, APDUs.releaseRequest, "RLRQ")
        add(false, APDUs.releaseResponse, "RLRE")
        return messages
    }

    static func initiate(_ kind: CipheredInitiate.Kind, _ content: CipheredContent) -> UserInformation {
        .cipheredInitiate(CipheredInitiate(
            kind: kind, securityControl: content.securityControl.rawValue, invocationCounter: content.invocationCounter,
            cipheredContent: content.text + (content.tag ?? [])
        ))
    }
}

/// The plain LN APDUs inside the suite sessions' envelopes.
enum SuitePlainAPDUs {
    static func hex(_ text: String) -> [UInt8] { Hex.decode(text) ?? [] }

    static let clock = hex("0000010000FF")
    static let activeEnergy = hex("0100010800FF")
    static let activePower = hex("0100010700FF")
    static let associationLN = hex("0000280000FF")
    static let securitySetup = hex("00002B0000FF")
    /// 2024-03-15 14:30:00, deviation -60, status 0 (reference case 12).
    static let clockValue = hex("07E8030F050E1E0000FFC400")
    /// 2024-03-15 14:31:00.
    static let clockValueLater = hex("07E8030F050E1F0000FFC400")

    /// InitiateRequest: no dedicated key, DLMS 6, conformance general-protection,
    /// block-transfer-with-get, multiple-references, access, get, set, selective-access,
    /// action; max PDU 1200.
    static let initiateRequest = hex("01000000065F1F040040125D04B0")
    /// InitiateResponse: DLMS 6, the same conformance, max PDU 1024, VAA 7.
    static let initiateResponse = hex("0800065F1F040040125D04000007")

    /// GetRequest-Normal.
    static func get(_ invoke: UInt8, classId: UInt16, obis: [UInt8], attribute: UInt8) -> [UInt8] {
        [0xC0, 0x01, invoke] + PacketBuilder.be16(classId) + obis + [attribute, 0x00]
    }

    /// GetResponse-Normal with data.
    static func getResponse(_ invoke: UInt8, _ data: DLMSData) -> [UInt8] {
        [0xC4, 0x01, invoke, 0x00] + data.encoded
    }

    /// ActionRequest-Normal with parameters.
    static func action(_ invoke: UInt8, classId: UInt16, obis: [UInt8], method: UInt8, _ parameters: DLMSData) -> [UInt8] {
        [0xC3, 0x01, invoke] + PacketBuilder.be16(classId) + obis + [method, 0x01] + parameters.encoded
    }

    /// ActionResponse-Normal, success, with optional return data.
    static func actionResponse(_ invoke: UInt8, _ data: DLMSData?) -> [UInt8] {
        [0xC7, 0x01, invoke, 0x00] + (data.map { [0x01, 0x00] + $0.encoded } ?? [0x00])
    }

    /// Access-Request: GET of the clock and of the active energy.
    static let accessRequest = hex("D94000000100" + "02" + "010008" + "0000010000FF02" + "010003" + "0100010800FF02"
        + "020000")
    /// Access-Response: the two values, both results success.
    static let accessResponse = hex("DA400000010000" + "02" + "090C07E8030F050E1E0000FFC400" + "06000E7A1C"
        + "0201000100")
}
