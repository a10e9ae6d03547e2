/// The service-error of an exception-response (Green Book, ExceptionResponse).
/// invocation-counter-error (6) is followed on the wire by the 4-byte
/// invocation counter the server expects.
public struct ExceptionServiceError: COSEMEnumeration {
    public var rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    public static let names: [UInt8: String] = [
        1: "operation-not-possible",
        2: "service-not-supported",
        3: "other-reason",
        4: "pdu-too-long",
        5: "deciphering-error",
        6: "invocation-counter-error",
    ]

    public static let invocationCounterError = ExceptionServiceError(rawValue: 6)
}
