import DLMSAPDU
import DLMSCore
import DLMSSecurity

// HLS pass 3 and pass 4 (Green Book, HLS authentication; spec-notes §4.3):
// the client answers the server's challenge StoC with f(StoC) in a
// reply_to_HLS_authentication action-request, the server answers CtoS with
// f(CtoS) in the action-response.
extension SecurityStage {
    /// Pass 3: the client's f(StoC).
    mutating func clientReplied(
        _ request: ActionRequest.Normal, at place: SecurityPlace, findings: inout [Finding]
    ) -> HLSResult? {
        updateAssociation(place.conversation) { $0.pendingHLSInvokeId = request.invokeIdAndPriority.invokeId }
        guard case let .octetString(reply, _)? = request.parameters else { return nil }
        return verify(reply, from: .client, at: place, findings: &findings)
    }

    /// Pass 4: the server's f(CtoS), in the answer to the pending reply_to_HLS_authentication.
    mutating func serverReplied(
        _ response: ActionResponse.Normal, at place: SecurityPlace, findings: inout [Finding]
    ) -> HLSResult? {
        guard let pending = associations[place.conversation]?.pendingHLSInvokeId,
              pending == response.invokeIdAndPriority.invokeId
        else { return nil }
        updateAssociation(place.conversation) { $0.pendingHLSInvokeId = nil }
        guard case let .data(.octetString(reply, _))? = response.response.returnParameters else { return nil }
        return verify(reply, from: .server, at: place, findings: &findings)
    }

    /// The verdict on `reply` from `responder`, with the association's exchange and the meter's keys.
    private mutating func verify(
        _ reply: [UInt8], from responder: HLSRole, at place: SecurityPlace, findings: inout [Finding]
    ) -> HLSResult {
        let association = associations[place.conversation] ?? AssociationState()
        guard let mechanism = association.mechanism else {
            return HLSResult(
                mechanism: 0, result: .unchecked, responder: responder, reason: "the AARQ naming the mechanism was not seen"
            )
        }
        let exchange = HLSExchange(
            clientSystemTitle: association.clientSystemTitle ?? keys.defaultClientSystemTitle,
            serverSystemTitle: association.serverSystemTitle ?? association.calledSystemTitle ?? keys.defaultServerSystemTitle,
            clientToServerChallenge: association.clientChallenge, serverToClientChallenge: association.serverChallenge
        )
        if mechanism == .highECDSA {
            return verifyECDSA(reply, from: responder, exchange: exchange, association: association, at: place, findings: &findings)
        }
        let lookup = keys.lookup(forSender: exchange.serverSystemTitle, role: .meter)
        if let reason = uncheckedReason(mechanism, exchange: exchange, responder: responder, keys: lookup.keys) {
            return HLSResult(mechanism: Int(mechanism.rawValue), result: .unchecked, responder: responder, reason: reason)
        }
        let encryptionKey = lookup.keys.ek.flatMap { cipher($0) }
        if mechanism == .highGMAC, let response = HLSGMACResponse(reply), let title = exchange.systemTitle(of: responder) {
            let counter = InvocationCounterTracker.Counter(
                // Its own counter: whether the envelope around it counts before or after it varies.
                systemTitle: title, key: .hlsReply(.globalUnicast),
                direction: responder == .client ? .clientToServer : .serverToClient, conversation: nil
            )
            if let finding = counters.check(response.invocationCounter, for: counter, packet: place.packet) {
                findings.append(finding)
            }
        }
        let verdict = (try? HLSVerifier.verify(
            reply, mechanism: mechanism, from: responder, exchange: exchange, secret: lookup.keys.hlsSecret,
            encryptionKey: encryptionKey, authenticationKey: lookup.keys.ak
        )) ?? .unchecked
        let function = responder == .client ? "f(StoC)" : "f(CtoS)"
        if verdict == .invalid {
            findings.append(Finding(
                .hlsResponseInvalid,
                "the \(responder.rawValue)'s HLS reply \(function) under \(mechanism.name ?? "mechanism \(mechanism.rawValue)") "
                    + "does not match the challenge and the keys of entry \(lookup.entry): the \(responder.rawValue) does not "
                    + "hold the secret, or the configured one is wrong",
                packet: place.packet
            ))
        }
        return HLSResult(
            mechanism: Int(mechanism.rawValue), result: verdict, responder: responder,
            reason: verdict == .invalid ? "\(function) does not match" : nil
        )
    }

    /// Mechanism 7: the reply is the responder's ECDSA signature over its title, the peer's,
    /// the challenge it answers and its own [b06]; checked with the responder's signing public
    /// key from the keys file, or the certificate its AARQ/AARE AE-qualifier carried.
    private mutating func verifyECDSA(
        _ reply: [UInt8], from responder: HLSRole, exchange: HLSExchange, association: AssociationState,
        at place: SecurityPlace, findings: inout [Finding]
    ) -> HLSResult {
        func unchecked(_ reason: String) -> HLSResult {
            HLSResult(mechanism: 7, result: .unchecked, responder: responder, reason: reason)
        }
        guard let ownTitle = exchange.systemTitle(of: responder), let peerTitle = exchange.systemTitle(of: responder.peer),
              let answered = exchange.challenge(answeredBy: responder), let own = exchange.challenge(sentBy: responder)
        else { return unchecked("both system titles and both challenges are needed (AARQ and AARE)") }
        var signer = keyring.keys(for: ownTitle, role: responder == .client ? .client : .meter).keys
        let carried = responder == .client ? association.clientCertificate : association.serverCertificate
        if signer.signatureVerificationKey == nil, let carried { signer.certificate = carried }
        guard let key = signer.signatureVerificationKey else {
            return unchecked("no signing public key or certificate for \(Hex.encode(ownTitle)), and its AE-qualifier carried none")
        }
        if let certificate = signer.certificate, certificate.publicKey == key {
            checkCertificate(of: signer, title: ownTitle, usage: .digitalSignature, at: place, findings: &findings)
        }
        let verdict = (try? HLSVerifier.verifyECDSA(
            reply, signingPublicKey: key, responderSystemTitle: ownTitle, peerSystemTitle: peerTitle,
            answeredChallenge: answered, ownChallenge: own
        )) ?? .unchecked
        let function = responder == .client ? "f(StoC)" : "f(CtoS)"
        if verdict == .invalid {
            findings.append(Finding(
                .hlsResponseInvalid,
                "the \(responder.rawValue)'s HLS-ECDSA reply \(function) is not its signature over the titles and challenges "
                    + "with the signing key of \(Hex.encode(ownTitle)): the \(responder.rawValue) does not hold the key",
                packet: place.packet
            ))
        }
        return HLSResult(
            mechanism: 7, result: verdict, responder: responder, reason: verdict == .invalid ? "\(function) does not verify" : nil
        )
    }

    /// Why a reply cannot be checked, or nil when it can.
    private func uncheckedReason(
        _ mechanism: AuthenticationMechanism, exchange: HLSExchange, responder: HLSRole, keys: KeySet
    ) -> String? {
        switch mechanism {
        case .high: return "mechanism 2 is manufacturer specific"
        case .highMD5, .highSHA1, .highSHA256, .highGMAC: break
        default: return "\(mechanism.name ?? "mechanism \(mechanism.rawValue)") has no HLS reply"
        }
        guard exchange.challenge(answeredBy: responder) != nil else {
            return "the \(responder.peer.rawValue)'s challenge was not seen (\(responder == .client ? "AARE" : "AARQ") missing)"
        }
        if mechanism == .highGMAC {
            guard exchange.systemTitle(of: responder) != nil else { return "the \(responder.rawValue)'s system title is not known" }
            guard keys.ek != nil, keys.ak != nil else { return "no ek and ak are configured for this meter" }
        } else if mechanism == .highSHA256 {
            guard exchange.clientSystemTitle != nil, exchange.serverSystemTitle != nil,
                  exchange.challenge(sentBy: responder) != nil
            else { return "both system titles and both challenges are needed" }
        }
        return keys.hlsSecret == nil && mechanism != .highGMAC ? "no hls-secret is configured for this meter" : nil
    }
}
