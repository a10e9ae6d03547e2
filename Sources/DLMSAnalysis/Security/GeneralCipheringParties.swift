import DLMSAPDU
import DLMSCore
import DLMSSecurity

/// Who sent a general-ciphering or general-signing APDU to whom: the titles it carries,
/// else the association's, and which of them is the meter (whose entry holds the global
/// keys and the master key).
struct GeneralCipheringParties {
    var originator: [UInt8]?
    /// `apdu` when the APDU carries the title, `association` when it came from the AARQ/AARE.
    var originatorSource: String?
    var recipient: [UInt8]?
    /// The originator's role: the sender's, when the direction is known.
    var originatorRole: KeyRole?
    /// The meter's title: the originator for a server's APDU, the recipient for a client's.
    var meter: [UInt8]?

    init(
        originatorSystemTitle: [UInt8], recipientSystemTitle: [UInt8], sender: Direction, association: AssociationState?,
        meters: [[UInt8]: KeySet] = [:]
    ) {
        let peer: Direction = sender == .clientToServer ? .serverToClient : .clientToServer
        if !originatorSystemTitle.isEmpty {
            originator = originatorSystemTitle
            originatorSource = "apdu"
        } else if let title = association?.systemTitle(of: sender) {
            originator = title
            originatorSource = "association"
        }
        recipient = recipientSystemTitle.isEmpty
            ? (sender == .unknown ? nil : association?.systemTitle(of: peer)) : recipientSystemTitle
        switch sender {
        case .clientToServer:
            originatorRole = .client
            meter = recipient
        case .serverToClient:
            originatorRole = .meter
            meter = originator
        case .unknown:
            if let originator, meters[originator] != nil {
                originatorRole = .meter
                meter = originator
            } else {
                meter = recipient
                originatorRole = recipient.map { meters[$0] != nil } == true ? .client : nil
            }
        }
    }
}

extension KeyRole {
    /// The other side of an association.
    var peer: KeyRole {
        switch self {
        case .meter: .client
        case .client: .meter
        }
    }
}
