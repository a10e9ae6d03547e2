/// The result-source-diagnostic of an AARE (ACSE): a CHOICE of
/// acse-service-user [1] and acse-service-provider [2], each with its own
/// diagnostic values (`A3 05 A1 03 02 01 0D` is acse-service-user /
/// authentication-failure).
public enum ResultSourceDiagnostic {
    /// The name of the source alternative: 1 "acse-service-user", 2 "acse-service-provider".
    public static func sourceName(of source: UInt8) -> String? {
        switch source {
        case 1: "acse-service-user"
        case 2: "acse-service-provider"
        default: nil
        }
    }

    /// The name of diagnostic `value` from `source` (1 user, 2 provider).
    public static func name(source: UInt8, value: UInt8) -> String? {
        switch source {
        case 1: ACSEServiceUserDiagnostic.name(of: value)
        case 2: ACSEServiceProviderDiagnostic.name(of: value)
        default: nil
        }
    }
}
