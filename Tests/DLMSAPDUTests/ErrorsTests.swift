import DLMSAPDU
import DLMSCore
import Testing

/// confirmed-service-error (0E) and exception-response (D8): vectors,
/// reference cases 05, 29, 30 and 31, the capture, round trips and hostile input.
@Suite(.timeLimit(.minutes(1))) struct ErrorsTests {
    typealias Support = ACSETestSupport

    @Test func confirmedServiceErrorOfTheRejectedAARE() throws {
        // g20's user-information, and reference case 05's.
        for input in [Support.hex("0E010601"), Array(try Support.reference("05_aare_rejected_auth_failure").suffix(4))] {
            let decoded = try Support.decode(ConfirmedServiceError.self, input)
            #expect(decoded.apdu.service == .initiateError)
            #expect(decoded.apdu.errorGroup == .initiate)
            #expect(decoded.apdu.errorName == "dlms-version-too-low")
            #expect(decoded.notes.isEmpty && decoded.apdu.encoded == input)
        }
    }

    @Test func confirmedServiceErrorOfAReadReferenceCase31() throws {
        let input = try Support.reference("31_confirmed_service_error")
        let decoded = try Support.decode(ConfirmedServiceError.self, input)
        #expect(decoded.apdu == ConfirmedServiceError(service: .read, errorGroup: .initiate, error: 1))
        #expect(decoded.apdu.service.name == "read")
        #expect(decoded.apdu.encoded == input)
    }

    @Test func undefinedChoicesAreKeptAndNoted() throws {
        let decoded = try Support.decode(ConfirmedServiceError.self, "0E FF 0B 09")
        #expect(decoded.apdu.service.rawValue == 255 && decoded.apdu.errorGroup.rawValue == 11 && decoded.apdu.errorName == nil)
        #expect(decoded.notes.map(\.offset) == [1, 2])
        #expect(decoded.apdu.encoded == Support.hex("0EFF0B09"))
        let exception = try Support.decode(ExceptionResponse.self, "D8 03 FF")
        #expect(exception.apdu == ExceptionResponse(
            stateError: ExceptionStateError(rawValue: 3), serviceError: .other(ExceptionServiceError(rawValue: 255))))
        #expect(exception.codes == ["apdu-malformed", "apdu-malformed"])
    }

    @Test func exceptionResponseReferenceCase29AndVectorG24() throws {
        let input = try Support.reference("29_exception_response")
        let decoded = try Support.decode(ExceptionResponse.self, input)
        #expect(decoded.apdu.stateError.name == "service-not-allowed")
        #expect(decoded.apdu.serviceError == .other(ExceptionServiceError(rawValue: 2)))
        #expect(decoded.apdu.serviceError.code.name == "service-not-supported")
        #expect(decoded.notes.isEmpty && decoded.apdu.encoded == input)
        let expected = try Support.expected("g24")
        let g24 = try Support.decode(ExceptionResponse.self, try Support.input("g24", "apdu"))
        #expect(Int(g24.apdu.stateError.rawValue) == expected["state_error"] as? Int)
        #expect(Int(g24.apdu.serviceError.code.rawValue) == expected["service_error"] as? Int)
        #expect(g24.apdu.serviceError.code.name == "deciphering-error")
    }

    /// Case 30: Gurux crashes on it; the counter follows the service-error.
    @Test func invocationCounterErrorCarriesTheCounter() throws {
        let input = try Support.reference("30_exception_response_ic_error")
        let decoded = try Support.decode(ExceptionResponse.self, input)
        #expect(decoded.apdu.stateError.name == "service-unknown")
        #expect(decoded.apdu.serviceError == .invocationCounterError(0x100))
        #expect(decoded.apdu.serviceError.invocationCounter == 256)
        #expect(decoded.notes.isEmpty && decoded.remaining.isEmpty && decoded.apdu.encoded == input)
    }

    /// andrebdo_sample.pcap frame 42 (`90 01 01` IEC 61334-4-32 LLC, then D8 01 01),
    /// from `tshark -r andrebdo_sample.pcap -T fields -e udp.payload`.
    @Test func exceptionResponseOfTheCapture() throws {
        let decoded = try Support.decode(ExceptionResponse.self, "D80101")
        #expect(decoded.apdu.serviceError.code.name == "operation-not-possible")
        #expect(decoded.apdu.encoded == Support.hex("D80101"))
    }

    @Test func everyAlternativeRoundTrips() throws {
        for state in [1, 2, 0, 255] as [UInt8] {
            for error in [1, 2, 3, 4, 5, 0, 7] as [UInt8] {
                let value = ExceptionResponse(
                    stateError: ExceptionStateError(rawValue: state), serviceError: .other(ExceptionServiceError(rawValue: error)))
                #expect(try Support.decode(ExceptionResponse.self, value.encoded).apdu == value)
            }
            for counter in [0, 1, .max] as [UInt32] {
                let value = ExceptionResponse(stateError: ExceptionStateError(rawValue: state), serviceError: .invocationCounterError(counter))
                #expect(try Support.decode(ExceptionResponse.self, value.encoded).apdu == value)
            }
        }
        // The one value that has no wire form of its own: written as invocation-counter-error with counter 0.
        #expect(ExceptionResponse(stateError: ExceptionStateError(rawValue: 1), serviceError: .other(.invocationCounterError)).encoded
            == Support.hex("D8010600000000"))
        for group in 0...10 as ClosedRange<UInt8> {
            let value = ConfirmedServiceError(service: ConfirmedServiceChoice(rawValue: 6), errorGroup: ServiceErrorGroup(rawValue: group), error: 3)
            #expect(try Support.decode(ConfirmedServiceError.self, value.encoded).apdu == value)
        }
    }

    @Test func cutErrorsAreRefusedAtTheMissingByte() {
        #expect(Support.error(ConfirmedServiceError.self, "") == DecodingError("data ends where confirmed-service-error (0E) was expected", at: 0))
        #expect(Support.error(ConfirmedServiceError.self, "0E")
            == DecodingError("data ends where the confirmed-service-error service choice was expected", at: 1))
        #expect(Support.error(ConfirmedServiceError.self, "0E01") == DecodingError("data ends where the service-error choice was expected", at: 2))
        #expect(Support.error(ConfirmedServiceError.self, "0E0106") == DecodingError("data ends where the service-error value was expected", at: 3))
        #expect(Support.error(ConfirmedServiceError.self, "D8") == DecodingError("confirmed-service-error must start with 0E, found D8", at: 0))
        #expect(Support.error(ExceptionResponse.self, "D8") == DecodingError("data ends where the exception-response state-error was expected", at: 1))
        #expect(Support.error(ExceptionResponse.self, "D801")
            == DecodingError("data ends where the exception-response service-error was expected", at: 2))
        #expect(Support.error(ExceptionResponse.self, "D802060000")
            == DecodingError("invocation-counter-error needs the 4-byte invocation counter, 2 present", at: 3))
        #expect(Support.error(ExceptionResponse.self, "0E") == DecodingError("exception-response must start with D8, found 0E", at: 0))
    }
}
