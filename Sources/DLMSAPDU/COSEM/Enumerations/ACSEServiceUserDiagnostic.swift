/// The acse-service-user alternative of an AARE result-source-diagnostic
/// (ACSE, ISO/IEC 8650-1; Green Book AARE). 13 authentication-failure is what
/// a meter answers to a wrong password or HLS secret.
public struct ACSEServiceUserDiagnostic: COSEMEnumeration {
    public var rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    public static let names: [UInt8: String] = [
        0: "null",
        1: "no-reason-given",
        2: "application-context-name-not-supported",
        3: "calling-AP-title-not-recognized",
        4: "calling-AP-invocation-identifier-not-recognized",
        5: "calling-AE-qualifier-not-recognized",
        6: "calling-AE-invocation-identifier-not-recognized",
        7: "called-AP-title-not-recognized",
        8: "called-AP-invocation-identifier-not-recognized",
        9: "called-AE-qualifier-not-recognized",
        10: "called-AE-invocation-identifier-not-recognized",
        11: "authentication-mechanism-name-not-recognised",
        12: "authentication-mechanism-name-required",
        13: "authentication-failure",
        14: "authentication-required",
    ]

    public static let null = ACSEServiceUserDiagnostic(rawValue: 0)
    public static let authenticationFailure = ACSEServiceUserDiagnostic(rawValue: 13)
    public static let authenticationRequired = ACSEServiceUserDiagnostic(rawValue: 14)
}
