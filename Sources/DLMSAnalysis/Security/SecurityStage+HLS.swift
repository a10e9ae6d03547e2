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
        let lookup = keys.lookup(forSender: exchange.serverSystemTitle, role: .meter)
        if let reason = uncheckedReason(mechanism, exchange: exchange, responder: responder, keys: lookup.keys) {
            return HLSResult(mechanism: Int(mechanism.rawValue), result: .unchecked, responder: responder, reason: reason)
        }
        let encryptionKey = lookup.keys.ek.flatMap { cipher($0) }
        if mechanism == .highGMAC, let response = HLSGMACResponse(reply), let title = exchange.systemTitle(of: responder) {
            let counter = InvocationCounterTracker.Counter(
                // Its own counter: whether the envelope around it counts before or after it varies.
                systemTitle: title, key: SecurityInfo.KeyKind.globalUnicast.rawValue + " (HLS reply)",
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

    /// Why a reply cannot be checked, or nil when it can.
    private func uncheckedReason(
        _ mechanism: AuthenticationMechanism, exchange: HLSExchange, responder: HLSRole, keys: KeySet
    ) -> String? {
        switch mechanism {
        case .high: return "mechanism 2 is manufacturer specific"
        case .highECDSA: return "ECDSA replies are checked with the suite 1 and 2 keys"
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
