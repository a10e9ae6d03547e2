/// What an association's four-pass authentication exchanged in the clear
/// (Green Book, HLS authentication): the two challenges from the AARQ and
/// AARE authentication values, and the two system titles (AARQ
/// calling-AP-title, AARE responding-AP-title) that mechanisms 5 and 6 use.
/// Holds no secret, so it can be logged.
public struct HLSExchange: Sendable, Hashable {
    public var clientSystemTitle: [UInt8]?
    public var serverSystemTitle: [UInt8]?
    /// CtoS: the client's challenge (AARQ calling-authentication-value).
    public var clientToServerChallenge: [UInt8]?
    /// StoC: the server's challenge (AARE responding-authentication-value).
    public var serverToClientChallenge: [UInt8]?

    public init(
        clientSystemTitle: [UInt8]? = nil, serverSystemTitle: [UInt8]? = nil,
        clientToServerChallenge: [UInt8]? = nil, serverToClientChallenge: [UInt8]? = nil
    ) {
        self.clientSystemTitle = clientSystemTitle
        self.serverSystemTitle = serverSystemTitle
        self.clientToServerChallenge = clientToServerChallenge
        self.serverToClientChallenge = serverToClientChallenge
    }

    /// The system title of `role`.
    public func systemTitle(of role: HLSRole) -> [UInt8]? {
        role == .client ? clientSystemTitle : serverSystemTitle
    }

    /// The challenge `role` sent (the client CtoS, the server StoC).
    public func challenge(sentBy role: HLSRole) -> [UInt8]? {
        role == .client ? clientToServerChallenge : serverToClientChallenge
    }

    /// The challenge `role` answers: the one its peer sent.
    public func challenge(answeredBy role: HLSRole) -> [UInt8]? {
        challenge(sentBy: role.peer)
    }
}
