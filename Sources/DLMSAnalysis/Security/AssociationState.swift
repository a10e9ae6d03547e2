import DLMSAPDU
import DLMSCore
import DLMSSecurity

/// What one conversation's application association revealed (Green Book,
/// association establishment and HLS): the system titles that go into the
/// IVs, the dedicated key, the authentication exchange, and the protection
/// seen so far. Built from AARQ and AARE; the dedicated key and the
/// ciphered context end with the release.
struct AssociationState {
    /// Counts the associations seen on the conversation (a new dedicated key
    /// starts new invocation counters).
    var generation = 0
    /// AARQ calling-AP-title.
    var clientSystemTitle: [UInt8]?
    /// AARE responding-AP-title.
    var serverSystemTitle: [UInt8]?
    /// AARQ called-AP-title: the meter the client meant, before the AARE names it.
    var calledSystemTitle: [UInt8]?
    var context: ApplicationContextName?
    var mechanism: AuthenticationMechanism?
    /// CtoS: the AARQ calling-authentication-value under an HLS mechanism.
    var clientChallenge: [UInt8]?
    /// StoC: the AARE responding-authentication-value.
    var serverChallenge: [UInt8]?
    /// The certificates the AARQ calling-AE-qualifier and AARE responding-AE-qualifier carry
    /// (suites 1 and 2: the parties' signing certificates).
    var clientCertificate: X509Certificate?
    var serverCertificate: X509Certificate?
    /// From the InitiateRequest (plain, or decrypted from a glo-initiate-request).
    var dedicatedKey: [UInt8]?
    /// Whether an AARE accepted the association (and no release followed).
    var isEstablished = false
    /// The protection of each side's ciphered initiate: the least its later APDUs may have.
    var initiateProtection = ProtectionBySide()
    /// The strongest protection each side used so far.
    var strongestProtection = ProtectionBySide()
    /// Security setup method invocations waiting for their answers, by invoke-id.
    var pendingSecuritySetup: [UInt8: PendingSecuritySetup] = [:]
    /// The invoke-id of the reply_to_HLS_authentication waiting for the server's answer.
    var pendingHLSInvokeId: UInt8?

    /// Whether the application context is one of the ciphered ones (LN or SN with ciphering).
    var isCipheredContext: Bool {
        context == .logicalNameWithCiphering || context == .shortNameWithCiphering
    }

    /// The system title the association announced for the side sending in `direction`.
    func systemTitle(of sender: Direction) -> [UInt8]? {
        switch sender {
        case .clientToServer: clientSystemTitle
        case .serverToClient: serverSystemTitle ?? calledSystemTitle
        case .unknown: nil
        }
    }

    /// A new association on the same conversation: the titles stay known (the same two
    /// parties, normally) until the new AARQ and AARE say otherwise; the rest starts over.
    mutating func restart() {
        let titles = (clientSystemTitle, serverSystemTitle)
        let certificates = (clientCertificate, serverCertificate)
        self = AssociationState(generation: generation + 1)
        (clientSystemTitle, serverSystemTitle) = titles
        (clientCertificate, serverCertificate) = certificates
    }

    /// The association ended (RLRE): its dedicated key and protection no longer apply.
    mutating func release() {
        dedicatedKey = nil
        isEstablished = false
        pendingHLSInvokeId = nil
        initiateProtection = ProtectionBySide()
        strongestProtection = ProtectionBySide()
    }
}
