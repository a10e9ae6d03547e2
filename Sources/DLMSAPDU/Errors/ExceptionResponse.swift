import DLMSCore

/// exception-response (tag D8, Green Book): a server's answer to an APDU it
/// cannot process at all (an unknown service, a deciphering failure, a
/// replayed invocation counter).
///
/// ```
/// ExceptionResponse ::= SEQUENCE {
///     state-error    [0] IMPLICIT ENUMERATED { service-not-allowed (1), service-unknown (2) },
///     service-error  [1] CHOICE {
///         operation-not-possible [1] IMPLICIT NULL, service-not-supported [2] IMPLICIT NULL,
///         other-reason [3] IMPLICIT NULL, pdu-too-long [4] IMPLICIT NULL,
///         deciphering-error [5] IMPLICIT NULL,
///         invocation-counter-error [6] IMPLICIT Unsigned32 } }
/// ```
/// `D8 01 02` is service-not-allowed / service-not-supported; with
/// invocation-counter-error the 4-byte counter follows: `D8 02 06 00000100`
/// (reference case 30, where the Gurux translator crashes).
public struct ExceptionResponse: Sendable, Hashable {
    public static let tag: UInt8 = 0xD8

    public var stateError: ExceptionStateError
    public var serviceError: ServiceError

    /// The service-error CHOICE: every alternative but invocation-counter-error carries nothing.
    public enum ServiceError: Sendable, Hashable {
        /// An alternative without a value (1...5, or one the standard does not
        /// define). Use `invocationCounterError` for 6: `.other(6)` is written
        /// as invocation-counter-error with counter 0.
        case other(ExceptionServiceError)
        /// invocation-counter-error (6) with the invocation counter the server reports.
        case invocationCounterError(UInt32)

        /// The alternative's number.
        public var code: ExceptionServiceError {
            switch self {
            case let .other(code): code
            case .invocationCounterError: .invocationCounterError
            }
        }

        /// The counter of invocation-counter-error, nil for the other alternatives.
        public var invocationCounter: UInt32? {
            if case let .invocationCounterError(counter) = self { return counter }
            return nil
        }
    }

    public init(stateError: ExceptionStateError, serviceError: ServiceError) {
        self.stateError = stateError
        self.serviceError = serviceError
    }

    public init(from reader: inout ByteReader, notes: inout DecodingNotes) throws(DecodingError) {
        let start = reader.position
        guard let tag = reader.readUInt8() else {
            throw DecodingError("data ends where exception-response (D8) was expected", at: start)
        }
        guard tag == Self.tag else {
            throw DecodingError("exception-response must start with D8, found \(Hex.encode([tag]))", at: start)
        }
        let stateOffset = reader.position
        guard let state = reader.readUInt8() else {
            throw DecodingError("data ends where the exception-response state-error was expected", at: stateOffset)
        }
        let serviceOffset = reader.position
        guard let service = reader.readUInt8() else {
            throw DecodingError("data ends where the exception-response service-error was expected", at: serviceOffset)
        }
        stateError = ExceptionStateError(rawValue: state)
        if !stateError.isDefined {
            notes.warn(.apduMalformed, "exception-response state-error \(state) is not defined", at: stateOffset)
        }
        let code = ExceptionServiceError(rawValue: service)
        if code == .invocationCounterError {
            let counterOffset = reader.position
            guard let counter = reader.readUInt32() else {
                throw DecodingError(
                    "invocation-counter-error needs the 4-byte invocation counter, \(reader.remainingCount) present",
                    at: counterOffset)
            }
            serviceError = .invocationCounterError(counter)
        } else {
            if !code.isDefined {
                notes.warn(
                    .apduMalformed, "exception-response service-error \(service) is not defined; read as carrying no value",
                    at: serviceOffset)
            }
            serviceError = .other(code)
        }
    }

    public func encode(into bytes: inout [UInt8]) {
        bytes += [Self.tag, stateError.rawValue, serviceError.code.rawValue]
        if serviceError.code == .invocationCounterError {
            let counter = serviceError.invocationCounter ?? 0
            bytes += [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: counter >> $0) }
        }
    }

    /// The encoded APDU.
    public var encoded: [UInt8] {
        var bytes: [UInt8] = []
        encode(into: &bytes)
        return bytes
    }
}
