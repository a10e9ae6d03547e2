/// Which side of an association computes an HLS response: the client
/// answers the server's challenge StoC in pass 3 (f(StoC), in the
/// reply_to_HLS_authentication action-request), the server answers the
/// client's challenge CtoS in pass 4 (f(CtoS), in the action-response).
public enum HLSRole: String, Sendable, Hashable, CaseIterable {
    case client
    case server

    /// The other side.
    public var peer: HLSRole { self == .client ? .server : .client }
}
