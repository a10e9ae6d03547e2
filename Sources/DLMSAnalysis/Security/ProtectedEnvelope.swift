import DLMSAPDU
import DLMSCore

/// A protected APDU content as the security stage opens it, whatever
/// carried it: a glo-/ded- APDU, a general-glo/ded-ciphering APDU, a
/// ciphered initiate in an ACSE user-information, or a body behind an
/// unknown tag.
struct ProtectedEnvelope {
    /// The JSON `security.envelope` name (`glo-get-request`, `general-glo-ciphering`).
    var name: String
    var content: CipheredContent
    /// Global (unicast or broadcast, by the security control byte) or dedicated.
    var key: CipheringKeyKind
    /// The sender's title as the APDU itself carries it (general-glo/ded-ciphering); nil or
    /// empty when it carries none.
    var headerSystemTitle: [UInt8]?
    /// The title the enclosing ACSE APDU announces for its sender (AARQ calling-AP-title,
    /// AARE responding-AP-title): association evidence before the association is recorded.
    var announcedSystemTitle: [UInt8]? = nil
    /// Who sent it: from the tag when it tells (glo-get-request is the client's), else the place.
    var sender: Direction

    /// The key family the JSON `security.key` names.
    var keyKind: SecurityInfo.KeyKind {
        switch key {
        case .dedicated: .dedicated
        case .global: content.securityControl.broadcastKey ? .globalBroadcast : .globalUnicast
        }
    }
}

/// What opening an envelope gave: the security object of the record, and the plaintext to
/// decode and show (nil when there is none, or it is not believed: a wrong key's garbage).
struct EnvelopeOpening {
    var security: SecurityInfo
    var plaintext: [UInt8]?
}
