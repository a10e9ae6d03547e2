/// The acse-service-provider alternative of an AARE result-source-diagnostic
/// (ACSE, ISO/IEC 8650-1; Green Book AARE).
public struct ACSEServiceProviderDiagnostic: COSEMEnumeration {
    public var rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    public static let names: [UInt8: String] = [
        0: "null",
        1: "no-reason-given",
        2: "no-common-acse-version",
    ]
}
