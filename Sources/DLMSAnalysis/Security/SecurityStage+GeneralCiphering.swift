import DLMSAPDU
import DLMSCore
import DLMSSecurity

// general-ciphering (Green Book, security suites 1 and 2; spec-notes §4.4):
// the key-info says how the content key is found — a global key named by
// id, a key wrapped under the master key, or a key agreed by ECDH — and the
// content is opened with IV = originator-system-title ‖ IC.
extension SecurityStage {
    /// A content key found from a general-ciphering key-info, and what came of the checks on
    /// the way (the ephemeral key's signature).
    struct ContentKey {
        var key: [UInt8]
        var kind: SecurityInfo.KeyKind
        /// The keys-file entry (or `association`, `key-transfer`) that gave it.
        var source: String
        var signature: SecurityInfo.SignatureVerdict?
        /// The certificate whose key checked the signature.
        var certificate: CertificateSummary?
    }

    /// Opens a general-ciphering APDU: finds its content key, decrypts, and checks the tag
    /// under the AAD forms implementations use (see `GeneralCipheringAuthentication`).
    mutating func openGeneralCiphering(
        _ apdu: GeneralCiphering, at place: SecurityPlace, findings: inout [Finding]
    ) -> EnvelopeOpening {
        let content = apdu.content
        let control = content.securityControl
        let parties = self.parties(apdu.originatorSystemTitle, apdu.recipientSystemTitle, at: place)
        var security = SecurityInfo(
            envelope: "general-ciphering", securityControl: control.rawValue, invocationCounter: content.invocationCounter,
            key: .none, systemTitle: parties.originator, systemTitleSource: parties.originatorSource,
            tag: control.authenticated ? .unchecked : .absent
        )
        let clearText = control.encrypted ? nil : content.text
        if !control.authenticated && !control.encrypted {
            security.plaintext = content.text
            return EnvelopeOpening(security: security, plaintext: content.text)
        }
        let candidates = contentKeys(for: apdu, parties: parties, at: place, findings: &findings)
        if let first = candidates.first {
            security.key = first.kind
            security.keySource = first.source
            security.signature = first.signature
            security.certificate = first.certificate
        }
        trackGeneralCipheringCounter(apdu, parties: parties, kind: security.key, at: place, findings: &findings)
        guard let originator = parties.originator, !candidates.isEmpty else {
            if parties.originator == nil {
                findings.append(Finding(
                    .systemTitleMissing,
                    "general-ciphering without originator-system-title, and the association names none: no IV",
                    packet: place.packet
                ))
            }
            security.plaintext = clearText
            return EnvelopeOpening(security: security, plaintext: clearText)
        }
        let authenticationKey = keys.lookup(forSender: parties.meter, role: .meter).keys.ak
        var first: (ContentKey, CipheredContentOpening)?
        for candidate in candidates.prefix(Self.maxAttempts) {
            guard let cipher = cipher(candidate.key) else { continue }
            for form in GeneralCipheringAuthentication.allCases {
                guard let opening = try? CipheredContentOpener.open(
                    content, systemTitle: originator, encryptionKey: cipher, authenticationKey: authenticationKey,
                    extraAuthenticatedData: form.extraAuthenticatedData(of: apdu)
                ) else { continue }
                if first == nil { first = (candidate, opening) }
                if opening.tag == .valid {
                    return openedGeneralCiphering(apdu, security, key: candidate, opening: opening, at: place, findings: &findings)
                }
                // Without an AK, or with neither form verifying, only the plaintext can tell.
                if opening.tag != .valid, authenticationKey != nil { continue }
                if Self.isBelievable(opening, control: control) {
                    return openedGeneralCiphering(apdu, security, key: candidate, opening: opening, at: place, findings: &findings)
                }
                break
            }
        }
        // No tag verified: a readable plaintext is shown, its authenticity unchecked.
        for candidate in candidates.prefix(Self.maxAttempts) {
            guard let cipher = cipher(candidate.key),
                  var opening = try? CipheredContentOpener.open(
                      content, systemTitle: originator, encryptionKey: cipher, authenticationKey: nil
                  ),
                  let plaintext = opening.plaintext, Self.reads(plaintext) || !control.encrypted
            else { continue }
            if control.authenticated, authenticationKey != nil {
                opening.tag = .unchecked
                findings.append(Finding(
                    .authenticityUnchecked,
                    "the tag of this general-ciphering (IC \(content.invocationCounter)) verifies under neither AAD form "
                        + "implementations use (SC‖AK; SC‖AK‖header fields) with the meter's AK; the Green Book's normative "
                        + "construction is not public, so the content is shown as decrypted but not authenticated",
                    packet: place.packet
                ))
            }
            return openedGeneralCiphering(apdu, security, key: candidate, opening: opening, at: place, findings: &findings)
        }
        if let (candidate, _) = first {
            security.key = candidate.kind
            security.keySource = candidate.source
            findings.append(Finding(
                .wrongKeyLikely,
                "general-ciphering (IC \(content.invocationCounter), originator \(Hex.encode(originator))) does not decrypt to "
                    + "an APDU with the \(candidates.count == 1 ? "key" : "\(candidates.count) keys") found from its key-info: "
                    + "the key or the originator's title is wrong",
                packet: place.packet
            ))
        }
        security.plaintext = clearText
        return EnvelopeOpening(security: security, plaintext: clearText)
    }

    private mutating func openedGeneralCiphering(
        _ apdu: GeneralCiphering, _ security: SecurityInfo, key: ContentKey, opening: CipheredContentOpening,
        at place: SecurityPlace, findings: inout [Finding]
    ) -> EnvelopeOpening {
        var security = security
        security.key = key.kind
        security.keySource = key.source
        security.signature = key.signature
        security.certificate = key.certificate
        security.tag = opening.tag
        security.plaintext = opening.plaintext
        if let mismatch = Self.suiteMismatch(apdu.content.securityControl, keyCount: key.key.count) {
            findings.append(Finding(.securitySuiteMismatch, "general-ciphering: \(mismatch)", packet: place.packet))
        }
        if apdu.content.securityControl.compressed {
            findings.append(Self.compressedContent(at: place))
            return EnvelopeOpening(security: security, plaintext: nil)
        }
        return EnvelopeOpening(security: security, plaintext: opening.plaintext)
    }

    /// The content keys the key-info leads to, in the order to try them; findings for what
    /// could not be done (a missing key, a wrapped key that does not unwrap, a bad signature).
    private mutating func contentKeys(
        for apdu: GeneralCiphering, parties: GeneralCipheringParties, at place: SecurityPlace, findings: inout [Finding]
    ) -> [ContentKey] {
        let lookup = keys.lookup(forSender: parties.meter, role: .meter)
        switch apdu.keyInfo {
        case nil, .identifiedKey?:
            // key-info absent: the key is known to both parties; the global unicast key is the one.
            var field = KeyField.ek
            var kind = SecurityInfo.KeyKind.globalUnicast
            if case let .identifiedKey(id)? = apdu.keyInfo, id.rawValue == 1 {
                (field, kind) = (.bk, .globalBroadcast)
            }
            guard let key = lookup.keys[bytes: field], let source = lookup.source(of: field) else {
                findings.append(missingKey(
                    "no \(field.name) for meter \(parties.meter.map { Hex.encode($0) } ?? "?") to open this general-ciphering "
                        + "(key-info: \(apdu.keyInfo == nil ? "absent" : "identified-key"))", at: place))
                return []
            }
            return [ContentKey(key: key, kind: kind, source: source.description)]
        case let .wrappedKey(_, data)?:
            guard let kek = lookup.keys.kek, let source = lookup.source(of: .kek) else {
                findings.append(missingKey(
                    "no kek (master key) for meter \(parties.meter.map { Hex.encode($0) } ?? "?") to unwrap the key of this "
                        + "general-ciphering", at: place))
                return []
            }
            guard let key = try? AESKeyWrap.unwrap(data.bytes, kek: kek) else {
                findings.append(Finding(
                    .keyUnwrapFailed,
                    "the wrapped key of this general-ciphering (\(data.bytes.count) bytes) fails its RFC 3394 integrity check "
                        + "under the master key of entry \(source): a wrong KEK, or the wrapped key was altered",
                    packet: place.packet
                ))
                return []
            }
            return [ContentKey(key: key, kind: .transported, source: source.description)]
        case let .agreedKey(parameters, data)?:
            return agreedKeys(
                apdu, scheme: parameters.bytes, keyCipheredData: data.bytes, parties: parties, at: place, findings: &findings
            )
        }
    }

    /// One-Pass Diffie-Hellman C(1e, 1s) and Static Unified Model C(0e, 2s) (NIST SP 800-56A,
    /// as the Green Book uses them): Z by ECDH, the key by the concatenation KDF with
    /// PartyUInfo = originator title and PartyVInfo = recipient title [c08, c09].
    private mutating func agreedKeys(
        _ apdu: GeneralCiphering, scheme: [UInt8], keyCipheredData: [UInt8], parties: GeneralCipheringParties,
        at place: SecurityPlace, findings: inout [Finding]
    ) -> [ContentKey] {
        let suite = apdu.content.securityControl.suiteID
        guard let curve = ECCurve(suite: suite) ?? ECCurve(pointCount: keyCipheredData.count / 2) else {
            findings.append(Finding(
                .keyAgreementFailed, "agreed-key under security suite \(suite), which has no key agreement (suites 1 and 2 do)",
                packet: place.packet
            ))
            return []
        }
        guard let originator = parties.originator, let recipient = parties.recipient else {
            findings.append(Finding(
                .systemTitleMissing, "agreed-key needs the originator and recipient system titles for the KDF",
                packet: place.packet
            ))
            return []
        }
        let originatorKeys = keyring.keys(for: originator, role: parties.originatorRole).keys
        let recipientKeys = keyring.keys(for: recipient, role: parties.originatorRole?.peer).keys
        switch scheme {
        case [0x01]:
            // key-ciphered-data = ephemeral public key x‖y ‖ its signature r‖s by the originator.
            guard keyCipheredData.count == curve.pointCount + curve.signatureCount else {
                findings.append(Finding(
                    .keyAgreementFailed,
                    "One-Pass DH key-ciphered-data is \(keyCipheredData.count) bytes, not the \(curve) ephemeral key and "
                        + "signature (\(curve.pointCount + curve.signatureCount))", packet: place.packet))
                return []
            }
            let point = Array(keyCipheredData.prefix(curve.pointCount))
            let signature = Array(keyCipheredData.suffix(curve.signatureCount))
            guard let ephemeral = try? ECPublicKey(curve: curve, point: point) else {
                findings.append(Finding(
                    .keyAgreementFailed, "the ephemeral public key of this One-Pass DH is not a point on \(curve)",
                    packet: place.packet
                ))
                return []
            }
            let (verdict, certificate) = verifySignature(
                signature, over: point, by: originatorKeys, title: originator, what: "the ephemeral key's signature",
                at: place, findings: &findings
            )
            guard let privateKey = recipientKeys.agreementKey else {
                findings.append(missingKey(
                    "no agreement-key (private) for recipient \(Hex.encode(recipient)): the One-Pass DH key of this "
                        + "general-ciphering cannot be derived", at: place))
                return []
            }
            guard let secret = try? privateKey.sharedSecret(with: ephemeral),
                  let key = try? KeyDerivation.cipheringKey(curve: curve, sharedSecret: secret, partyU: originator, partyV: recipient)
            else {
                findings.append(Finding(
                    .keyAgreementFailed, "ECDH of the ephemeral key with recipient \(Hex.encode(recipient))'s agreement key "
                        + "failed (keys on different curves?)", packet: place.packet))
                return []
            }
            return [ContentKey(
                key: key, kind: .agreed, source: Hex.encode(recipient), signature: verdict, certificate: certificate
            )]
        case [0x02]:
            // Both static keys; whichever side's private key the lab holds.
            let secret: [UInt8]?
            if let own = recipientKeys.agreementKey, let peer = originatorKeys.agreementVerificationKey {
                secret = try? own.sharedSecret(with: peer)
            } else if let own = originatorKeys.agreementKey, let peer = recipientKeys.agreementVerificationKey {
                secret = try? own.sharedSecret(with: peer)
            } else {
                findings.append(missingKey(
                    "the Static Unified Model needs one party's agreement-key and the other's public key (or certificate); "
                        + "the keys file has neither pair for \(Hex.encode(originator)) and \(Hex.encode(recipient))", at: place))
                return []
            }
            guard let secret else {
                findings.append(Finding(
                    .keyAgreementFailed, "ECDH of the two static agreement keys failed (keys on different curves?)",
                    packet: place.packet
                ))
                return []
            }
            // OtherInfo: ST_U ‖ ST_V, or (Gurux) ST_U ‖ 08 ‖ transaction-id ‖ ST_V; the tag or the plaintext decides.
            var between: [UInt8] = []
            apdu.transactionId.encode(into: &between)
            return [[], between].compactMap { extra in
                (try? KeyDerivation.cipheringKey(
                    curve: curve, sharedSecret: secret, partyU: originator, partyV: recipient, between: extra
                )).map { ContentKey(key: $0, kind: .agreed, source: Hex.encode(recipient)) }
            }
        default:
            findings.append(Finding(
                .keyAgreementFailed,
                "key-parameters \(Hex.encode(scheme)) name no key agreement scheme (01 One-Pass DH, 02 Static Unified Model)",
                packet: place.packet
            ))
            return []
        }
    }

    /// The verdict on an ECDSA `signature` over one of `messages` (the forms implementations
    /// sign) by the party with `title`, with a finding when it is invalid or cannot be checked,
    /// and the certificate whose key checked it.
    mutating func verifySignature(
        _ signature: [UInt8], over messages: [UInt8]..., by signer: AsymmetricKeySet, title: [UInt8], what: String,
        at place: SecurityPlace, findings: inout [Finding]
    ) -> (SecurityInfo.SignatureVerdict, CertificateSummary?) {
        guard let key = signer.signatureVerificationKey else {
            findings.append(Finding(
                .authenticityUnchecked,
                "\(what) is not checked: no signing-public-key, signing-key or certificate for \(Hex.encode(title))",
                packet: place.packet
            ))
            return (.unchecked, nil)
        }
        let certificate = signer.certificate.flatMap { $0.publicKey == key ? $0 : nil }
        if certificate != nil {
            checkCertificate(of: signer, title: title, usage: .digitalSignature, at: place, findings: &findings)
        }
        let valid = messages.contains { (try? key.isValidSignature(signature, for: $0)) == true }
        if !valid {
            findings.append(Finding(
                .signatureInvalid,
                "\(what) does not verify with the signing key of \(Hex.encode(title)): forged, altered, or signed with another key",
                packet: place.packet
            ))
        }
        return (valid ? .valid : .invalid, certificate.map(CertificateSummary.init))
    }

    /// The parties of a general-ciphering or general-signing APDU with these titles.
    func parties(
        _ originator: AXDROctetString, _ recipient: AXDROctetString, at place: SecurityPlace
    ) -> GeneralCipheringParties {
        GeneralCipheringParties(
            originatorSystemTitle: originator.bytes, recipientSystemTitle: recipient.bytes, sender: place.sender,
            association: associations[place.conversation], meters: keys.meters
        )
    }

    /// A key-missing finding (info severity when no keys were given at all).
    func missingKey(_ message: String, at place: SecurityPlace) -> Finding {
        if keys.isEmpty && keyring.isEmpty {
            return Finding(.keyMissing, "\(message) (no keys were given)", severity: .info, packet: place.packet)
        }
        return Finding(.keyMissing, message, packet: place.packet)
    }

    private mutating func trackGeneralCipheringCounter(
        _ apdu: GeneralCiphering, parties: GeneralCipheringParties, kind: SecurityInfo.KeyKind, at place: SecurityPlace,
        findings: inout [Finding]
    ) {
        // An agreed or transported key is fresh for each APDU: only global keys carry a counter sequence.
        guard kind == .globalUnicast || kind == .globalBroadcast else { return }
        let counter = InvocationCounterTracker.Counter(
            systemTitle: parties.originator, key: .kind(kind), direction: place.sender,
            conversation: parties.originator == nil ? place.conversation : nil
        )
        if let finding = counters.check(apdu.content.invocationCounter, for: counter, packet: place.packet) {
            findings.append(finding)
        }
    }
}
