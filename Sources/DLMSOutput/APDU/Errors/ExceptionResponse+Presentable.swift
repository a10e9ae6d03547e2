import DLMSAPDU
import DLMSCore

/// exception-response in JSON and in the Gurux vocabulary:
///
/// ```
/// <ExceptionResponse>
///   <StateError Value="ServiceNotAllowed" />
///   <ServiceError Value="ServiceNotSupported" />
/// </ExceptionResponse>
/// ```
/// (reference case 29). Gurux raises on pdu-too-long (4), deciphering-error (5)
/// and invocation-counter-error (6) (case 30); dlmscope names them as Gurux's
/// C library does (`PduTooLong`, `DecipheringError`, `InvocationCounterError`)
/// and adds the counter that follows invocation-counter-error as
/// `<InvocationCounter Value="00000100" />`. Undefined values are two hex digits.
///
/// JSON: `"stateError": "service-unknown", "stateErrorCode": 2, "serviceError":
/// "invocation-counter-error", "serviceErrorCode": 6, "invocationCounter": 256`.
extension ExceptionResponse: APDUPresentable {
    public var apduType: String { "exception-response" }
    public var variant: String? { nil }

    public func jsonFields(_ context: PresentationContext) -> [Field] {
        var fields: [Field] = []
        if let name = stateError.name { fields.append(.text("stateError", name)) }
        fields.append(.integer("stateErrorCode", stateError.rawValue))
        if let name = serviceError.code.name { fields.append(.text("serviceError", name)) }
        fields.append(.integer("serviceErrorCode", serviceError.code.rawValue))
        if let counter = serviceError.invocationCounter { fields.append(.integer("invocationCounter", counter)) }
        return fields
    }

    public func guruxXML(_ context: PresentationContext) -> XMLNode {
        var children: [XMLNode] = [
            .value("StateError", stateError.name.map(ACSEPresentation.pascalCase) ?? ACSEPresentation.hex(stateError.rawValue)),
            .value("ServiceError", serviceError.code.name.map(ACSEPresentation.pascalCase) ?? ACSEPresentation.hex(serviceError.code.rawValue)),
        ]
        if let counter = serviceError.invocationCounter {
            children.append(.comment("invocation counter \(counter)"))
            children.append(.value("InvocationCounter", ACSEPresentation.hex(counter, width: 8)))
        }
        return .node("ExceptionResponse", [], children)
    }
}
