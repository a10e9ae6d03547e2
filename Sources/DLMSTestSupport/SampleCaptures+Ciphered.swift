import DLMSAPDU
import DLMSCore
import DLMSSecurity

/// A ciphered session with a meter over TCP port 4059, built on the Green
/// Book's suite-0 examples: the keys (EK 000102…0F, AK D0D1…DF), the HLS
/// mechanism 5 exchange of its GMAC example (client title 4D4D4D0000000001,
/// server title 4D4D4D0000BC614E, challenges and replies [b01, b02]), the
/// InitiateRequest carrying dedicated key 0011…EEFF [a01] and the
/// ded-get-request of the clock under that key [a13].
///
/// AARQ (LN with ciphering, HLS-GMAC, glo-initiate-request A+E) → AARE
/// (glo-initiate-response) → reply_to_HLS_authentication in glo-action
/// request/response → ded-get of the clock → glo-get of the active energy
/// register and its scaler_unit → release.
public enum CipheredSession {
    public static let encryptionKey = Hex.decode("000102030405060708090A0B0C0D0E0F") ?? []
    public static let authenticationKey = Hex.decode("D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF") ?? []
    public static let dedicatedKey = Hex.decode("00112233445566778899AABBCCDDEEFF") ?? []
    public static let clientSystemTitle = Hex.decode("4D4D4D0000000001") ?? []
    public static let serverSystemTitle = Hex.decode("4D4D4D0000BC614E") ?? []
    /// CtoS and StoC of the Green Book GMAC example [b02, b01].
    public static let clientChallenge = Hex.decode("4B35366956616759") ?? []
    public static let serverChallenge = Hex.decode("503677524A323146") ?? []
    /// f(StoC) and f(CtoS) of the Green Book GMAC example [b01, b02].
    public static let clientReply = Hex.decode("10000000011A52FE7DD3E72748973C1E28") ?? []
    public static let serverReply = Hex.decode("1001234567FE1466AFB3DBCD4F9389E2B7") ?? []

    static let authenticatedEncrypted = SecurityControl(authenticated: true, encrypted: true)

    /// The keys file for the sample: the meter's entry under its system title.
    public static let keysFile = """
        # Keys for Samples/ciphered-session.pcap: the Green Book suite-0 example keys.
        # dlmscope finds a meter's keys by its system title (AARE responding-AP-title);
        # the client's APDUs (title 4D4D4D0000000001) are opened with the keys of the meter they go to.

        [[meter]]
        name = "Green Book example meter"
        system-title = "4D4D4D0000BC614E"
        ek = "000102030405060708090A0B0C0D0E0F"
        ak = "D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF"

        """

    /// The session's APDUs in order, client's first in each pair.
    public static func apdus() throws -> [(fromClient: Bool, apdu: [UInt8])] {
        let key = try AESGCMKey(encryptionKey)
        let dedicated = try AESGCMKey(dedicatedKey)
        func seal(_ plaintext: [UInt8], fromClient: Bool, ic: UInt32, key: AESGCMKey) throws -> CipheredContent {
            try CipheredContentOpener.seal(
                plaintext: plaintext, securityControl: authenticatedEncrypted, invocationCounter: ic,
                systemTitle: fromClient ? clientSystemTitle : serverSystemTitle, encryptionKey: key,
                authenticationKey: authenticationKey
            )
        }
        func initiate(_ kind: CipheredInitiate.Kind, _ content: CipheredContent) -> UserInformation {
            .cipheredInitiate(CipheredInitiate(
                kind: kind, securityControl: content.securityControl.rawValue, invocationCounter: content.invocationCounter,
                cipheredContent: content.text + (content.tag ?? [])
            ))
        }
        func ciphered(_ plaintext: [UInt8], fromClient: Bool, ic: UInt32, dedicatedKey: Bool = false) throws -> [UInt8] {
            let content = try seal(plaintext, fromClient: fromClient, ic: ic, key: dedicatedKey ? dedicated : key)
            guard let first = plaintext.first,
                  let envelope = ServiceSpecificCipheredAPDU(service: first, key: dedicatedKey ? .dedicated : .global, content: content)
            else { return [] }
            return APDU.ciphered(envelope).encoded
        }
        // InitiateRequest with the dedicated key [a01]; InitiateResponse [a12].
        let initiateRequest = Hex.decode("01011000112233445566778899AABBCCDDEEFF0000065F1F0400007E1F04B0") ?? []
        let initiateResponse = Hex.decode("0800065F1F0400007C1F04000007") ?? []
        let gmac = BERObjectIdentifier.cosem(group: 2, value: 5)
        let aarq = AARQ(
            applicationContextName: .cosem(group: 1, value: 3), callingAPTitle: clientSystemTitle,
            senderACSERequirements: .firstBitOnly, mechanismName: gmac,
            callingAuthenticationValue: .charstring(clientChallenge),
            userInformation: initiate(.gloInitiateRequest, try seal(initiateRequest, fromClient: true, ic: 0, key: key))
        )
        let aare = AARE(
            applicationContextName: .cosem(group: 1, value: 3), resultSourceDiagnostic: .serviceUser(.authenticationRequired),
            respondingAPTitle: serverSystemTitle, responderACSERequirements: .firstBitOnly, mechanismName: gmac,
            respondingAuthenticationValue: .charstring(serverChallenge),
            userInformation: initiate(.gloInitiateResponse, try seal(initiateResponse, fromClient: false, ic: 0x0123_4566, key: key))
        )
        // reply_to_HLS_authentication: Association LN 0.0.40.0.0.255, method 1, and its answer.
        let replyToHLS = Hex.decode("C301C1000F0000280000FF01010911").map { $0 + clientReply } ?? []
        let hlsAnswer = Hex.decode("C701C10001000911").map { $0 + serverReply } ?? []
        // Clock (a13's request under the dedicated key) and the active energy register with its scaler_unit.
        let getClock = Hex.decode("C0010000080000010000FF0200") ?? []
        let clock = Hex.decode("C4010000090C07E8030F050E1E0000FFC400") ?? []
        let getEnergy = Hex.decode("C001C100030100010800FF0200") ?? []
        let energy = Hex.decode("C401C10006000E7A1C") ?? []
        let getScaler = Hex.decode("C001C200030100010800FF0300") ?? []
        let scaler = Hex.decode("C401C20002020F00161E") ?? []
        return [
            (true, aarq.encoded), (false, aare.encoded),
            (true, try ciphered(replyToHLS, fromClient: true, ic: 2)),
            (false, try ciphered(hlsAnswer, fromClient: false, ic: 0x0123_4568)),
            (true, try ciphered(getClock, fromClient: true, ic: 2, dedicatedKey: true)),
            (false, try ciphered(clock, fromClient: false, ic: 1, dedicatedKey: true)),
            (true, try ciphered(getEnergy, fromClient: true, ic: 3)),
            (false, try ciphered(energy, fromClient: false, ic: 0x0123_4569)),
            (true, try ciphered(getScaler, fromClient: true, ic: 4)),
            (false, try ciphered(scaler, fromClient: false, ic: 0x0123_456A)),
            (true, APDUs.releaseRequest), (false, APDUs.releaseResponse),
        ]
    }
}

extension SampleCaptures {
    /// `CipheredSession` over TCP with the IEC 62056-47 wrapper.
    public static func cipheredSession() throws -> CaptureFileBuilder {
        var session = TCPSession(client: [192, 168, 10, 21], clientPort: 50_200,
                                 server: [192, 168, 10, 51], serverPort: 4059)
        var capture = CaptureFileBuilder(linkType: .ethernet, start: Timestamp(seconds: 1_710_324_000), stepMicroseconds: 15_000)
        func add(_ packet: [UInt8]) { capture.append(PacketBuilder.ethernet(type: 0x0800, payload: packet)) }
        session.handshake().forEach(add)
        for (fromClient, apdu) in try CipheredSession.apdus() {
            // The management client (wPort 1) and the management logical device (wPort 1).
            add(session.send(fromClient: fromClient, Wrapper.frame(apdu, from: 0x0001, to: 0x0001)))
        }
        session.close().forEach(add)
        return capture
    }
}
