import DLMSAPDU
import DLMSCore
import DLMSSecurity

// Opening one protected content: which title and keys to try, in the order
// of evidence, and what to conclude when none works.
extension SecurityStage {
    /// One way to open an envelope: a title for the IV and the keys of one keys-file entry.
    struct Attempt {
        var title: TitleCandidate
        var encryptionKey: [UInt8]
        /// Where the encryption key came from (`default`, an entry's title, `association`).
        var keySource: String
        var authenticationKey: [UInt8]?
        /// The entry that gave the AK, for telling a wrong AK from damage.
        var authenticationKeySource: String?
        /// Whether the keys are another meter's, tried because the sender's meter has no entry.
        var isFallback: Bool
    }

    /// At most this many title and key combinations are tried per APDU.
    static let maxAttempts = 16

    /// Opens `envelope`: decrypts and checks it with the first title and keys that work,
    /// tracks its invocation counter, and reports what could not be done as findings.
    mutating func open(_ envelope: ProtectedEnvelope, at place: SecurityPlace, findings: inout [Finding]) -> EnvelopeOpening {
        let opening = attemptOpening(envelope, at: place, findings: &findings)
        // Counted under the title that opened it (or the best evidence when none did).
        trackInvocationCounter(of: envelope, title: opening.security.systemTitle, at: place, findings: &findings)
        return opening
    }

    private mutating func attemptOpening(
        _ envelope: ProtectedEnvelope, at place: SecurityPlace, findings: inout [Finding]
    ) -> EnvelopeOpening {
        let content = envelope.content
        let control = content.securityControl
        var security = SecurityInfo(
            envelope: envelope.name, securityControl: control.rawValue, invocationCounter: content.invocationCounter,
            key: envelope.keyKind, tag: control.authenticated ? .unchecked : .absent
        )
        let titles = titleCandidates(for: envelope, conversation: place.conversation)
        security.systemTitle = titles.first?.title
        security.systemTitleSource = titles.first?.source.rawValue
        if !control.authenticated && !control.encrypted {
            security.plaintext = content.text
            return EnvelopeOpening(security: security, plaintext: content.text)
        }
        // Authentication only sends the plaintext in clear: it can be read even when it cannot be checked.
        let clearText = control.encrypted ? nil : content.text
        guard !titles.isEmpty else {
            findings.append(Finding(
                .systemTitleMissing,
                "no system title is known for the \(senderName(envelope.sender)) of this \(envelope.name) (IC \(content.invocationCounter)): "
                    + "the association was not seen and the APDU carries none; give --\(envelope.sender == .clientToServer ? "client" : "server")-system-title",
                packet: place.packet
            ))
            security.plaintext = clearText
            return EnvelopeOpening(security: security, plaintext: clearText)
        }
        let attempts = self.attempts(for: envelope, titles: titles, conversation: place.conversation)
        guard !attempts.isEmpty else {
            findings.append(missingKey(for: envelope, title: titles[0].title, at: place))
            security.plaintext = clearText
            return EnvelopeOpening(security: security, plaintext: clearText)
        }
        var first: (attempt: Attempt, opening: CipheredContentOpening)?
        for attempt in attempts.prefix(Self.maxAttempts) {
            guard let key = cipher(attempt.encryptionKey),
                  let opening = try? CipheredContentOpener.open(
                      content, systemTitle: attempt.title.title, encryptionKey: key,
                      authenticationKey: attempt.authenticationKey
                  )
            else { continue }
            if first == nil { first = (attempt, opening) }
            if Self.isBelievable(opening, control: control) {
                return opened(envelope, security, attempt: attempt, opening: opening, at: place, findings: &findings)
            }
        }
        guard let (attempt, opening) = first else {
            findings.append(Finding(.keyMissing, "the keys for this \(envelope.name) could not be set up", packet: place.packet))
            return EnvelopeOpening(security: security, plaintext: clearText)
        }
        if attempts.prefix(Self.maxAttempts).allSatisfy(\.isFallback) {
            // Only other meters' keys were there to try: the sender's own are missing.
            let meter = associations[place.conversation]?.serverSystemTitle.map { Hex.encode($0) } ?? "?"
            findings.append(Finding(
                .keyMissing,
                "no keys for meter \(meter), which the association names, and no other meter's keys in the keys file "
                    + "open this \(envelope.name)",
                packet: place.packet
            ))
            security.plaintext = clearText
            return EnvelopeOpening(security: security, plaintext: clearText)
        }
        return failed(envelope, security, attempt: attempt, opening: opening, tried: min(attempts.count, Self.maxAttempts),
                      at: place, findings: &findings)
    }

    /// The titles the sender may have used, strongest evidence first (association, the APDU's
    /// own, configuration; the keys file's only entry when there is no other), without repeats.
    func titleCandidates(for envelope: ProtectedEnvelope, conversation: Int) -> [TitleCandidate] {
        var candidates: [TitleCandidate] = []
        func add(_ title: [UInt8]?, _ source: TitleCandidate.Source) {
            guard let title, !title.isEmpty, !candidates.contains(where: { $0.title == title }) else { return }
            candidates.append(TitleCandidate(title: title, source: source))
        }
        let association = associations[conversation]
        let senders: [Direction] = envelope.sender == .unknown ? [.serverToClient, .clientToServer] : [envelope.sender]
        add(envelope.announcedSystemTitle, .association)
        for sender in senders { add(association?.systemTitle(of: sender), .association) }
        add(envelope.headerSystemTitle, .apdu)
        for sender in senders {
            add(sender == .clientToServer ? keys.defaultClientSystemTitle : keys.defaultServerSystemTitle, .configuration)
        }
        // The keys file's only entry names the sender only when nothing in the traffic does.
        guard candidates.isEmpty else { return candidates }
        for sender in senders {
            let entries = keys.entries(sender == .clientToServer ? .client : .meter)
            if entries.count == 1 { add(entries.keys.first, .keysFile) }
        }
        return candidates
    }

    /// What the attempts for one title depend on besides the keys (a change of the keys
    /// empties the cache): the sender, the title, the association's meter and dedicated key.
    struct AttemptsKey: Hashable {
        var sender: Direction
        var title: [UInt8]
        var keyKind: SecurityInfo.KeyKind
        var meter: [UInt8]?
        var dedicatedKey: [UInt8]?

        func hash(into hasher: inout Hasher) {
            hasher.combine(sender)
            hasher.combine(contentsOf: title)
            hasher.combine(keyKind)
            hasher.combine(contentsOf: meter)
            hasher.combine(contentsOf: dedicatedKey)
        }
    }

    /// Every title with every keys entry that may hold the sender's keys, without repeats;
    /// only combinations with an encryption key (the block cipher key every policy needs).
    /// Worked out once per title and association state, not per APDU.
    mutating func attempts(for envelope: ProtectedEnvelope, titles: [TitleCandidate], conversation: Int) -> [Attempt] {
        let association = associations[conversation]
        var attempts: [Attempt] = []
        for title in titles {
            let key = AttemptsKey(
                sender: envelope.sender, title: title.title, keyKind: envelope.keyKind, meter: meter(of: association),
                dedicatedKey: envelope.keyKind == .dedicated ? association?.dedicatedKey : nil
            )
            let forTitle: [Attempt]
            if let cached = attemptsByTitle[key] {
                forTitle = cached
            } else {
                forTitle = self.attempts(for: envelope, title: title, association: association)
                if attemptsByTitle.count >= Self.maxCachedAttempts { attemptsByTitle.removeAll() }
                attemptsByTitle[key] = forTitle
            }
            // Titles are distinct, so the attempts of different titles never repeat each other.
            for var attempt in forTitle {
                attempt.title = title
                attempts.append(attempt)
            }
        }
        return attempts
    }

    private func attempts(for envelope: ProtectedEnvelope, title: TitleCandidate, association: AssociationState?) -> [Attempt] {
        var attempts: [Attempt] = []
        for (lookup, isFallback) in lookups(for: envelope.sender, title: title.title, association: association) {
            guard let (key, source) = encryptionKey(envelope.keyKind, in: lookup, association: association) else { continue }
            let attempt = Attempt(
                title: title, encryptionKey: key, keySource: source, authenticationKey: lookup.keys.ak,
                authenticationKeySource: lookup.source(of: .ak)?.description, isFallback: isFallback
            )
            // The same title and key without an AK would only ever give "unchecked": where an
            // entry has the AK, that one checks the tag, and a failure must not be hidden.
            if let same = attempts.firstIndex(where: { $0.encryptionKey == key }) {
                if attempts[same].authenticationKey == nil, attempt.authenticationKey != nil { attempts[same] = attempt }
                continue
            }
            attempts.append(attempt)
        }
        return attempts
    }

    /// The meter an association is with, as far as it is known.
    func meter(of association: AssociationState?) -> [UInt8]? {
        association?.serverSystemTitle ?? association?.calledSystemTitle ?? keys.defaultServerSystemTitle
    }

    /// The keys entries for an APDU from `sender` with `title`: the meter's entry (for a
    /// client's APDU, the meter it talks to), the sender's own entry, then the default.
    func lookups(
        for sender: Direction, title: [UInt8], association: AssociationState?
    ) -> [(lookup: KeyLookup, isFallback: Bool)] {
        var lookups: [(lookup: KeyLookup, isFallback: Bool)] = []
        func add(_ lookup: KeyLookup, fallback: Bool = false) {
            if !lookups.contains(where: { $0.lookup.entry == lookup.entry }) { lookups.append((lookup, fallback)) }
        }
        let meter = meter(of: association)
        switch sender {
        case .serverToClient:
            add(keys.lookup(forSender: title, role: .meter))
        case .clientToServer:
            if let meter, keys.meters[meter] != nil { add(keys.lookup(forSender: meter, role: .meter)) }
            add(keys.lookup(forSender: title, role: .client))
        case .unknown:
            add(keys.lookup(forSender: title))
            if let meter, keys.meters[meter] != nil { add(keys.lookup(forSender: meter, role: .meter)) }
        }
        add(keys.lookup(forSender: nil, role: .meter))
        // A client's APDU before the AARE names the meter (its AARQ): any meter's keys may be the
        // ones. After it, when the named meter has no entry, the others are tried as a fallback (a
        // meter filed under a mistyped title still opens).
        if sender != .serverToClient, meter == nil || keys.meters[meter ?? []] == nil, keys.meters.count <= Self.maxAttempts {
            for entry in keys.meters.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
                add(keys.lookup(forSender: entry, role: .meter), fallback: meter != nil)
            }
        }
        return lookups
    }

    /// The block cipher key for `kind` and where it came from.
    func encryptionKey(
        _ kind: SecurityInfo.KeyKind, in lookup: KeyLookup, association: AssociationState?
    ) -> (key: [UInt8], source: String)? {
        let field: KeyField
        switch kind {
        case .dedicated:
            if let key = association?.dedicatedKey { return (key, "association") }
            field = .dk
        case .globalBroadcast: field = .bk
        default: field = .ek
        }
        guard let key = lookup.keys[bytes: field], let source = lookup.source(of: field) else { return nil }
        return (key, source.description)
    }

    /// Whether an opening can be taken as the right one: a verified tag, or (when there is
    /// no tag to check) a plaintext that reads as an APDU or as text. A plaintext sent in
    /// clear (authentication only) is what it is, whatever the keys.
    static func isBelievable(_ opening: CipheredContentOpening, control: SecurityControl) -> Bool {
        switch opening.tag {
        case .valid: return true
        case .invalid: return false
        case .absent, .unchecked:
            guard let plaintext = opening.plaintext else { return false }
            return !control.encrypted || control.compressed || reads(plaintext)
        }
    }

    /// Whether `plaintext` decodes as one whole APDU, or is text (DSMR P1 telegrams travel
    /// in ciphered DLMS frames too).
    static func reads(_ plaintext: [UInt8]) -> Bool {
        if let decoding = try? APDU.decode(plaintext[...]), decoding.remaining.isEmpty { return true }
        return DecodedAPDU.isText(plaintext)
    }

    /// The record of a successful opening, with notes on the title when it was not used as given.
    private mutating func opened(
        _ envelope: ProtectedEnvelope, _ security: SecurityInfo, attempt: Attempt, opening: CipheredContentOpening,
        at place: SecurityPlace, findings: inout [Finding]
    ) -> EnvelopeOpening {
        var security = Self.describe(security, attempt: attempt, tag: opening.tag)
        security.plaintext = opening.plaintext
        if opening.tag == .valid, let source = attempt.authenticationKeySource, source != lastVerifiedAuthenticationKey {
            verifiedAuthenticationKeys.insert(source)
            lastVerifiedAuthenticationKey = source
        }
        if let summary = opening.systemTitleAdjustment.summary {
            findings.append(Finding(.systemTitleInvalid, summary, packet: place.packet))
        }
        if let mismatch = Self.suiteMismatch(envelope.content.securityControl, keyCount: attempt.encryptionKey.count) {
            findings.append(Finding(.securitySuiteMismatch, "\(envelope.name): \(mismatch)", packet: place.packet))
        }
        if let header = envelope.headerSystemTitle, !header.isEmpty, header != attempt.title.title {
            findings.append(Finding(
                .systemTitleMismatch,
                "the APDU carries system title \(Hex.encode(header)) but opened with \(Hex.encode(attempt.title.title)) "
                    + "from the \(attempt.title.source.rawValue)",
                packet: place.packet
            ))
        }
        if envelope.content.securityControl.compressed {
            findings.append(Self.compressedContent(at: place))
            return EnvelopeOpening(security: security, plaintext: nil)
        }
        return EnvelopeOpening(security: security, plaintext: opening.plaintext)
    }

    /// The record when no title and key worked: the tag failed for every one, or (without a
    /// tag to check) nothing decrypted to an APDU. A plaintext is shown only when it reads
    /// as one, and then as not authentic.
    private func failed(
        _ envelope: ProtectedEnvelope, _ security: SecurityInfo, attempt: Attempt, opening: CipheredContentOpening,
        tried: Int, at place: SecurityPlace, findings: inout [Finding]
    ) -> EnvelopeOpening {
        var security = Self.describe(security, attempt: attempt, tag: opening.tag)
        let readable = opening.plaintext.map(Self.reads) ?? false
        let withKeys = tried == 1 ? "the keys of entry \(attempt.keySource)"
            : "any of the \(tried) title and key combinations known"
        let ic = "IC \(envelope.content.invocationCounter), title \(Hex.encode(attempt.title.title)) from the \(attempt.title.source.rawValue)"
        if opening.tag == .invalid {
            findings.append(Finding(
                .gcmTagInvalid,
                "the authentication tag of this \(envelope.name) does not verify with \(withKeys) (\(ic)): "
                    + "the APDU is not authentic" + (readable ? "; its plaintext is shown unauthenticated" : ""),
                packet: place.packet
            ))
            if !readable {
                findings.append(wrongKey(envelope, "it does not decrypt to an APDU: the encryption key or the system title is wrong", at: place))
            } else if !verifiedAuthenticationKeys.contains(attempt.authenticationKeySource ?? "") {
                findings.append(wrongKey(
                    envelope, "it decrypts to a well-formed APDU but no tag has verified with this authentication key yet: "
                        + "the AK is likely wrong", at: place))
            }
        } else {
            findings.append(wrongKey(
                envelope, "it does not decrypt to an APDU with \(withKeys) (\(ic)): the encryption key or the system title is wrong",
                at: place))
        }
        guard readable, let plaintext = opening.plaintext else { return EnvelopeOpening(security: security, plaintext: nil) }
        security.plaintext = plaintext
        return EnvelopeOpening(security: security, plaintext: plaintext)
    }

    /// Why the suite in the security control byte does not fit a key of `keyCount` bytes, or nil
    /// when it does (suites 0 and 1: AES-GCM-128, suite 2: AES-GCM-256; spec-notes §4.1).
    static func suiteMismatch(_ control: SecurityControl, keyCount: Int) -> String? {
        let expected: Int
        switch control.suiteID {
        case 0, 1: expected = 16
        case 2: expected = 32
        default: return "security suite \(control.suiteID) is not defined (0, 1 and 2 are)"
        }
        guard keyCount != expected else { return nil }
        return "security suite \(control.suiteID) uses \(expected * 8)-bit keys, but the key that opened it has "
            + "\(keyCount * 8) bits"
    }

    /// Compressed content (SC bit 7) is not undone: the plaintext is withheld rather than shown as an APDU.
    static func compressedContent(at place: SecurityPlace) -> Finding {
        Finding(
            .contentCompressed,
            "the security control byte says the plaintext is compressed; it is shown as sent, not decompressed",
            packet: place.packet
        )
    }

    /// `security` with the title, its source, the key's source and the verdict of `attempt`.
    private static func describe(_ security: SecurityInfo, attempt: Attempt, tag: TagVerdict) -> SecurityInfo {
        var security = security
        security.systemTitle = attempt.title.title
        security.systemTitleSource = attempt.title.source.rawValue
        security.keySource = attempt.keySource
        security.tag = tag
        return security
    }

    private func wrongKey(_ envelope: ProtectedEnvelope, _ reason: String, at place: SecurityPlace) -> Finding {
        Finding(.wrongKeyLikely, "\(envelope.name): \(reason)", packet: place.packet)
    }

    private func missingKey(for envelope: ProtectedEnvelope, title: [UInt8], at place: SecurityPlace) -> Finding {
        let message: String
        switch envelope.keyKind {
        case .dedicated:
            message = "no dedicated key for this \(envelope.name): the AARQ that carries it was not seen or could not be "
                + "decrypted, and no dk is configured"
        case .globalBroadcast:
            message = "no global broadcast key (bk) for system title \(Hex.encode(title)) in the keys file or flags"
        default:
            message = "no global unicast key (ek) for system title \(Hex.encode(title)) in the keys file or flags"
        }
        // Without any keys at all, not opening is the user's choice, not a gap in a keys file.
        if keys.isEmpty {
            return Finding(
                .keyMissing, "\(envelope.name) not opened: no keys were given (-k FILE or --ek HEX)", severity: .info,
                packet: place.packet
            )
        }
        return Finding(.keyMissing, message, packet: place.packet)
    }

    private func senderName(_ sender: Direction) -> String {
        switch sender {
        case .clientToServer: "client"
        case .serverToClient: "server"
        case .unknown: "sender"
        }
    }

    /// Checks the envelope's invocation counter against the ones its sender used before under the same key.
    private mutating func trackInvocationCounter(
        of envelope: ProtectedEnvelope, title: [UInt8]?, at place: SecurityPlace, findings: inout [Finding]
    ) {
        let control = envelope.content.securityControl
        guard control.authenticated || control.encrypted else { return }
        var key = InvocationCounterTracker.Key.kind(envelope.keyKind)
        if envelope.key == .dedicated {
            // Each association has its own dedicated key, so its counter starts afresh.
            key = .dedicated(association: associations[place.conversation]?.generation ?? 0, conversation: place.conversation)
        }
        let counter = InvocationCounterTracker.Counter(
            systemTitle: title, key: key, direction: envelope.sender, conversation: title == nil ? place.conversation : nil
        )
        if let finding = counters.check(envelope.content.invocationCounter, for: counter, packet: place.packet) {
            findings.append(finding)
        }
    }
}
