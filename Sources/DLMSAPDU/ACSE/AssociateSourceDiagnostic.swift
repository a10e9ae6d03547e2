/// The result-source-diagnostic of an AARE (ACSE Associate-source-diagnostic):
/// who gave the result and why.
///
/// ```
/// Associate-source-diagnostic ::= CHOICE {
///     acse-service-user     [1] INTEGER {...},   -- A1 03 02 01 d
///     acse-service-provider [2] INTEGER {...} }  -- A2 03 02 01 d
/// ```
/// `A3 05 A1 03 02 01 0D` is acse-service-user / authentication-failure;
/// acse-service-user authentication-required (14) with result accepted is how
/// a server asks for HLS passes 3 and 4 [g19].
public enum AssociateSourceDiagnostic: Sendable, Hashable {
    case serviceUser(ACSEServiceUserDiagnostic)
    case serviceProvider(ACSEServiceProviderDiagnostic)

    /// The alternative's number: 1 acse-service-user, 2 acse-service-provider.
    public var source: UInt8 {
        switch self {
        case .serviceUser: 1
        case .serviceProvider: 2
        }
    }

    /// The diagnostic value.
    public var value: UInt8 {
        switch self {
        case let .serviceUser(diagnostic): diagnostic.rawValue
        case let .serviceProvider(diagnostic): diagnostic.rawValue
        }
    }

    /// `acse-service-user` or `acse-service-provider`.
    public var sourceName: String { source == 1 ? "acse-service-user" : "acse-service-provider" }

    /// The diagnostic's name (`authentication-failure`), or nil when the standard defines none.
    public var name: String? {
        switch self {
        case let .serviceUser(diagnostic): diagnostic.name
        case let .serviceProvider(diagnostic): diagnostic.name
        }
    }
}
