import DLMSCore
import DLMSSecurity

/// What a record's ciphered envelope says and what came of it (the JSON
/// contract's `security` object). Keys are never part of it.
public struct SecurityInfo: Sendable, Hashable {
    public enum KeyKind: String, Sendable, Hashable {
        case globalUnicast = "global-unicast"
        case globalBroadcast = "global-broadcast"
        case dedicated
        case agreed
        case transported
        case none
    }

    public enum SignatureVerdict: String, Sendable, Hashable, CaseIterable {
        case valid, invalid, unchecked
    }

    /// The envelope's APDU type (`glo-get-request`, `general-glo-ciphering`, ...).
    public var envelope: String
    public var securityControl: UInt8
    public var invocationCounter: UInt32
    public var key: KeyKind
    /// The sender's system title used for the IV, and where it came from.
    public var systemTitle: [UInt8]?
    public var systemTitleSource: String?
    /// Which keys-file entry gave the key ("default", or the title of a meter or client entry).
    public var keySource: String?
    public var tag: TagVerdict
    public var signature: SignatureVerdict?
    /// The certificate whose public key checked the signature (suites 1 and 2).
    public var certificate: CertificateSummary?
    /// The plaintext APDU's bytes when the envelope was opened.
    public var plaintext: [UInt8]?
    /// Whether the plaintext holds a secret (the dedicated key of a glo-initiate-request), so
    /// that outputs show it only on request.
    public var plaintextHoldsSecret = false

    public init(
        envelope: String, securityControl: UInt8, invocationCounter: UInt32, key: KeyKind, systemTitle: [UInt8]? = nil,
        systemTitleSource: String? = nil, keySource: String? = nil, tag: TagVerdict, signature: SignatureVerdict? = nil,
        plaintext: [UInt8]? = nil
    ) {
        self.envelope = envelope
        self.securityControl = securityControl
        self.invocationCounter = invocationCounter
        self.key = key
        self.systemTitle = systemTitle
        self.systemTitleSource = systemTitleSource
        self.keySource = keySource
        self.tag = tag
        self.signature = signature
        self.plaintext = plaintext
    }

    public var suite: Int { Int(securityControl & 0x0F) }
    public var authenticated: Bool { securityControl & 0x10 != 0 }
    public var encrypted: Bool { securityControl & 0x20 != 0 }
    public var decrypted: Bool { plaintext != nil }
}

extension SecurityInfo {
    /// The protection of an APDU joined from blocks that each came in an envelope: the first
    /// block's envelope, the last block's counter, and the weakest verdict of any block.
    public func joined(with later: SecurityInfo) -> SecurityInfo {
        var joined = self
        joined.invocationCounter = later.invocationCounter
        joined.securityControl = later.securityControl
        joined.tag = Self.weaker(tag, later.tag)
        if later.plaintext == nil { joined.plaintext = nil }
        return joined
    }

    /// invalid, then unchecked, then absent, then valid.
    private static func weaker(_ a: TagVerdict, _ b: TagVerdict) -> TagVerdict {
        let order: [TagVerdict] = [.invalid, .unchecked, .absent, .valid]
        return order.first { $0 == a || $0 == b } ?? a
    }
}
