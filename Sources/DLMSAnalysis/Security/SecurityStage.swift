import DLMSAPDU
import DLMSCore
import DLMSSecurity

/// The security stage (Green Book, cryptographic protection of xDLMS APDUs
/// and HLS authentication; spec-notes §4): opens every protected APDU with
/// the configured keys and what the traffic reveals, states the outcome of
/// each (`SecurityInfo`), and checks what a conforming peer must do:
/// invocation counters, the association's security policy, HLS replies.
///
/// It keeps one `AssociationState` per conversation; keys come from the
/// `KeyStore` and are never part of anything it reports.
struct SecurityStage {
    var keys: KeyStore {
        // A key transfer changes the keys: the attempts worked out from the old ones are stale.
        didSet { attemptsByTitle.removeAll() }
    }
    /// The keys file's suite 1/2 keys and certificates, read once.
    let keyring: AsymmetricKeyring
    var associations: [Int: AssociationState] = [:]
    var counters = InvocationCounterTracker()
    /// Key entries (by the source of their AK) that verified a tag: a later tag failure with
    /// them points to damage or forgery rather than a wrong key.
    var verifiedAuthenticationKeys: Set<String> = []
    /// The entry last added to `verifiedAuthenticationKeys`: most APDUs verify with the same
    /// one, which then needs no hashing.
    var lastVerifiedAuthenticationKey: String?
    /// Keys set up for OpenSSL, by key bytes.
    private var ciphers: [CipherKey: AESGCMKey] = [:]
    /// The attempts for one title, worked out once (`SecurityStage.attempts(for:titles:conversation:)`).
    var attemptsByTitle: [AttemptsKey: [Attempt]] = [:]
    /// Certificate problems already reported (one finding per certificate and problem).
    var reportedCertificateProblems: Set<String> = []
    /// Per conversation, how many of its streams ended.
    private var endedStreams: [Int: Int] = [:]

    static let maxAssociations = 65_536
    static let maxCiphers = 1024
    static let maxCachedAttempts = 4096

    /// `keyring` is `keys`' suite 1/2 material when the caller read it already (a batch reads
    /// the key files once for all its inputs); nil reads it here.
    init(keys: KeyStore, keyring: AsymmetricKeyring? = nil) {
        self.keys = keys
        // Problems were reported when the keys were loaded (the CLI stops on them).
        self.keyring = keyring ?? keys.asymmetricKeyring().keyring
    }

    /// The OpenSSL key for `bytes`, set up once; nil when OpenSSL refuses it.
    mutating func cipher(_ bytes: [UInt8]) -> AESGCMKey? {
        if let key = ciphers[CipherKey(bytes: bytes)] { return key }
        guard let key = try? AESGCMKey(bytes) else { return nil }
        if ciphers.count >= Self.maxCiphers { ciphers.removeAll() }
        ciphers[CipherKey(bytes: bytes)] = key
        return key
    }

    /// Key bytes as a dictionary key, hashed in one call rather than byte by byte (it is
    /// looked up for every attempt to open an APDU).
    private struct CipherKey: Hashable {
        var bytes: [UInt8]

        func hash(into hasher: inout Hasher) { hasher.combine(contentsOf: bytes) }
    }

    /// Changes the association state of `conversation`, creating it when first needed.
    mutating func updateAssociation<Result>(
        _ conversation: Int, _ change: (inout AssociationState) -> Result
    ) -> Result {
        if associations[conversation] == nil, associations.count >= Self.maxAssociations { associations.removeAll() }
        return change(&associations[conversation, default: AssociationState()])
    }

    /// One stream of `conversation` ended; the association is forgotten once both did.
    mutating func streamEnded(_ conversation: Int) {
        let ended = endedStreams[conversation, default: 0] + 1
        if ended >= 2 {
            endedStreams[conversation] = nil
            associations[conversation] = nil
        } else {
            endedStreams[conversation] = ended
        }
    }
}

/// Where a protected or association APDU was seen: its conversation, the side that sent it
/// (as far as framing and ports tell), and the packet for findings.
struct SecurityPlace {
    var conversation: Int
    var sender: Direction
    var packet: Int?
    /// When it was captured: certificates are judged valid or expired at this time.
    var time: Timestamp? = nil
}
