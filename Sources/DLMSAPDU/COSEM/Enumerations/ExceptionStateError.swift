/// The state-error of an exception-response (Green Book, ExceptionResponse).
public struct ExceptionStateError: COSEMEnumeration {
    public var rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    public static let names: [UInt8: String] = [
        1: "service-not-allowed",
        2: "service-unknown",
    ]
}
