import DLMSAPDU
import DLMSCore
import DLMSOutput
import DLMSTestSupport
import Foundation
import Testing

/// confirmed-service-error and exception-response in XML and JSON: reference
/// cases 29 and 31 equal Gurux's elements; case 30, where Gurux crashes, is
/// shown by the standard.
@Suite struct ErrorsPresentationTests {
    typealias P = ACSEPresentationTests

    @Test(arguments: ["29_exception_response", "31_confirmed_service_error"])
    func elementsEqualGurux(name: String) throws {
        let apdu = try P.presentable(try P.input(name))
        #expect(P.ourTree(apdu) == (try P.guruxTree(name)))
    }

    /// Case 30: Gurux raises `ValueError: 6`. The standard's content in Gurux's
    /// vocabulary: the service-error named as Gurux's C library names it, and the counter.
    @Test func invocationCounterErrorShowsTheCounter() throws {
        let apdu = try P.presentable(try P.input("30_exception_response_ic_error"))
        #expect(P.ourTree(apdu) == GuruxReference.tree("""
            <ExceptionResponse>
              <StateError Value="ServiceUnknown" />
              <ServiceError Value="InvocationCounterError" />
              <InvocationCounter Value="00000100" />
            </ExceptionResponse>
            """))
        #expect(apdu.apduType == "exception-response")
        #expect(apdu.jsonFields(PresentationContext()) == [
            .text("stateError", "service-unknown"), .integer("stateErrorCode", 2),
            .text("serviceError", "invocation-counter-error"), .integer("serviceErrorCode", 6), .integer("invocationCounter", 256),
        ])
    }

    @Test func exceptionResponseJSONAndUndefinedValues() throws {
        #expect(try P.presentable(try P.input("29_exception_response")).jsonFields(PresentationContext()) == [
            .text("stateError", "service-not-allowed"), .integer("stateErrorCode", 1),
            .text("serviceError", "service-not-supported"), .integer("serviceErrorCode", 2),
        ])
        let odd = ExceptionResponse(stateError: ExceptionStateError(rawValue: 9), serviceError: .other(ExceptionServiceError(rawValue: 0x40)))
        #expect(P.ourTree(odd) == GuruxReference.tree(
            "<ExceptionResponse><StateError Value=\"09\" /><ServiceError Value=\"40\" /></ExceptionResponse>"))
        #expect(odd.jsonFields(PresentationContext()) == [.integer("stateErrorCode", 9), .integer("serviceErrorCode", 0x40)])
        let deciphering = ExceptionResponse(stateError: ExceptionStateError(rawValue: 1), serviceError: .other(ExceptionServiceError(rawValue: 5)))
        #expect(deciphering.guruxXML(PresentationContext()).xmlText.contains("<ServiceError Value=\"DecipheringError\" />"))
    }

    @Test func confirmedServiceErrorJSON() throws {
        #expect(try P.presentable(try P.input("31_confirmed_service_error")).jsonFields(PresentationContext()) == [
            .text("service", "read"), .integer("serviceCode", 5), .text("serviceError", "initiate"), .integer("serviceErrorCode", 6),
            .text("error", "dlms-version-too-low"), .integer("errorCode", 1),
        ])
    }

    /// The alternatives Gurux numbers differently (8 change-scope, 9 task, 10 other)
    /// and values it cannot name.
    @Test(arguments: [
        (UInt8(8), UInt8(0), "<ChangeScope Value=\"Other\" />"),
        (9, 3, "<Task Value=\"tiRunning\" />"),
        (10, 0, "<Other Value=\"Other\" />"),
        (5, 2, "<Access Value=\"ObjectAccessInvalid\" />"),
        (5, 10, "<Access Value=\"0A\" />"),
        (11, 9, "<UnknownServiceError Group=\"0B\" Value=\"09\" />"),
    ])
    func serviceErrorAlternatives(group: UInt8, value: UInt8, element: String) throws {
        let error = ConfirmedServiceError(service: .write, errorGroup: ServiceErrorGroup(rawValue: group), error: value)
        guard case let .element("ConfirmedServiceError", _, children)? = P.ourTree(error),
              case let .element("ServiceError", _, detail)? = children.last
        else {
            Issue.record("unexpected shape")
            return
        }
        #expect(detail == [try #require(GuruxReference.tree(element))])
    }
}
