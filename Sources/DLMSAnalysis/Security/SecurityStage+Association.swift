import DLMSAPDU
import DLMSCore
import DLMSSecurity

// What the security stage learns from each (opened) APDU: the association's
// titles, challenges and dedicated key, the HLS replies, and the policy.
extension SecurityStage {
    /// Learns from a record's APDU (after opening and reassembly) and checks it against the
    /// association; returns the HLS (or LLS) verdict when the APDU carries an authentication reply.
    mutating func observe(
        _ decoded: DecodedAPDU?, security: SecurityInfo?, at place: SecurityPlace, findings: inout [Finding]
    ) -> HLSResult? {
        guard let apdu = decoded?.apdu else { return nil }
        switch apdu {
        case let .aarq(aarq):
            let initiate = aarq.initiateRequest ?? decoded?.decryptedUserInformation.flatMap(Self.initiateRequest)
            return associationRequested(aarq, initiate: initiate, security: security, at: place, findings: &findings)
        case let .aare(aare):
            associationResponded(aare, security: security, at: place)
            return nil
        case .rlre:
            updateAssociation(place.conversation) { $0.release() }
            return nil
        case let .initiateRequest(request) where request.dedicatedKey != nil:
            // Outside an AARQ (a glo-initiate-request on its own): its dedicated key still applies.
            updateAssociation(place.conversation) { $0.dedicatedKey = request.dedicatedKey }
            return nil
        case let .actionRequest(.normal(request)) where Self.isHLSReply(request.method):
            checkPolicy(apdu, security: security, at: place, findings: &findings)
            return clientReplied(request, at: place, findings: &findings)
        case let .actionResponse(.normal(response)):
            checkPolicy(apdu, security: security, at: place, findings: &findings)
            return serverReplied(response, at: place, findings: &findings)
        default:
            checkPolicy(apdu, security: security, at: place, findings: &findings)
            return nil
        }
    }

    private static func initiateRequest(_ apdu: APDU) -> InitiateRequest? {
        if case let .initiateRequest(request) = apdu { return request }
        return nil
    }

    /// Association LN (class 15) method 1, reply_to_HLS_authentication.
    static func isHLSReply(_ method: CosemMethodDescriptor) -> Bool {
        method.classId == 15 && method.methodId == 1
    }

    /// An AARQ starts a new association: its titles, mechanism, challenge and dedicated key.
    private mutating func associationRequested(
        _ aarq: AARQ, initiate: InitiateRequest?, security: SecurityInfo?, at place: SecurityPlace, findings: inout [Finding]
    ) -> HLSResult? {
        let mechanism = aarq.mechanism
        updateAssociation(place.conversation) { association in
            association.restart()
            association.clientSystemTitle = aarq.callingAPTitle ?? association.clientSystemTitle
            association.calledSystemTitle = aarq.calledAPTitle
            if let qualifier = aarq.callingAEQualifier { association.clientCertificate = try? X509Certificate(der: qualifier) }
            association.context = aarq.applicationContext
            association.mechanism = mechanism
            if mechanism?.isHighLevel == true { association.clientChallenge = aarq.callingAuthenticationValue?.value }
            association.dedicatedKey = initiate?.dedicatedKey
            if let security { association.initiateProtection[.clientToServer] = Protection(SecurityControl(rawValue: security.securityControl)) }
        }
        if let key = initiate?.dedicatedKey, security?.encrypted != true {
            findings.append(Finding(
                .securityPolicyViolation,
                "the AARQ carries a \(key.count)-byte dedicated key in an unencrypted InitiateRequest: anyone on the link can read it",
                packet: place.packet
            ))
        }
        guard mechanism == .low, let sent = aarq.callingAuthenticationValue?.value else { return nil }
        return checkPassword(sent, calledTitle: aarq.calledAPTitle, at: place, findings: &findings)
    }

    /// LLS (mechanism 1): the AARQ's password against the configured one, if any.
    private func checkPassword(
        _ sent: [UInt8], calledTitle: [UInt8]?, at place: SecurityPlace, findings: inout [Finding]
    ) -> HLSResult {
        let lookup = keys.lookup(forSender: calledTitle ?? keys.defaultServerSystemTitle, role: .meter)
        guard let password = lookup.keys.password else {
            return HLSResult(mechanism: 1, result: .unchecked, reason: "no password is configured")
        }
        if ConstantTime.equal(sent, password) { return HLSResult(mechanism: 1, result: .valid) }
        findings.append(Finding(
            .llsPasswordMismatch,
            "the AARQ's LLS password (\(sent.count) bytes) is not the one configured in entry \(lookup.source(of: .password)?.description ?? "default")",
            packet: place.packet
        ))
        return HLSResult(mechanism: 1, result: .invalid, reason: "not the configured password")
    }

    /// An AARE names the server's title and challenge, and whether the association stands.
    private mutating func associationResponded(_ aare: AARE, security: SecurityInfo?, at place: SecurityPlace) {
        updateAssociation(place.conversation) { association in
            association.serverSystemTitle = aare.respondingAPTitle ?? association.serverSystemTitle
            if let qualifier = aare.respondingAEQualifier { association.serverCertificate = try? X509Certificate(der: qualifier) }
            association.context = aare.applicationContext ?? association.context
            association.mechanism = aare.mechanism ?? association.mechanism
            if association.mechanism?.isHighLevel == true {
                association.serverChallenge = aare.respondingAuthenticationValue?.value
            }
            association.isEstablished = aare.isAccepted
            if let security { association.initiateProtection[.serverToClient] = Protection(SecurityControl(rawValue: security.securityControl)) }
        }
    }

    // MARK: Policy

    /// In an established association: a plain service where the context is ciphered, or a
    /// protection weaker than the association used before (or than its initiate had).
    private mutating func checkPolicy(_ apdu: APDU, security: SecurityInfo?, at place: SecurityPlace, findings: inout [Finding]) {
        guard place.sender != .unknown, let index = associations.index(forKey: place.conversation) else { return }
        // Worked on in place: a copy of the association state would retain all of it for every APDU.
        Self.checkPolicy(apdu, security: security, at: place, association: &associations.values[index], findings: &findings)
    }

    private static func checkPolicy(
        _ apdu: APDU, security: SecurityInfo?, at place: SecurityPlace, association: inout AssociationState,
        findings: inout [Finding]
    ) {
        guard association.isEstablished else { return }
        let protection = security.map { Protection(SecurityControl(rawValue: $0.securityControl)) } ?? .none
        if security == nil {
            guard isService(apdu) else { return }
            if association.isCipheredContext {
                findings.append(Finding(
                    .plaintextInCipheredAssociation,
                    "an unprotected \(APDUTag.name(apdu.tag) ?? "APDU") in an association established with the "
                        + "\(association.context?.name ?? "ciphered") context",
                    packet: place.packet
                ))
            }
        }
        // Built only for a finding: this runs for every APDU of an association.
        var name: String { security?.envelope ?? "unprotected \(APDUTag.name(apdu.tag) ?? "APDU")" }
        var side: String { place.sender == .clientToServer ? "client" : "server" }
        if let floor = association.initiateProtection[place.sender], protection.isWeaker(than: floor) {
            findings.append(Finding(
                .securityPolicyViolation,
                "this \(name) is \(protection.name), weaker than the \(floor.name) initiate the \(side) "
                    + "established the association with",
                packet: place.packet
            ))
        } else if let strongest = association.strongestProtection[place.sender], protection.isWeaker(than: strongest) {
            findings.append(Finding(
                .securityPolicyViolation,
                "this \(name) is \(protection.name), weaker than the \(strongest.name) APDUs the \(side) sent "
                    + "earlier in this association",
                packet: place.packet
            ))
        }
        let strongest = protection.union(association.strongestProtection[place.sender] ?? .none)
        guard strongest != association.strongestProtection[place.sender] else { return }
        association.strongestProtection[place.sender] = strongest
    }

    /// The xDLMS data services, which a ciphered context requires to be protected (errors and
    /// exception responses may come in clear: the peer could not decipher).
    static func isService(_ apdu: APDU) -> Bool {
        switch apdu {
        case .getRequest, .getResponse, .setRequest, .setResponse, .actionRequest, .actionResponse,
             .eventNotificationRequest, .dataNotification, .accessRequest, .accessResponse, .readRequest, .readResponse,
             .writeRequest, .writeResponse, .unconfirmedWriteRequest, .informationReportRequest:
            true
        default:
            false
        }
    }
}
