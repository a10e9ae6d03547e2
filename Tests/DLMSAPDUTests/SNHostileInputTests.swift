import DLMSAPDU
import DLMSCore
import Testing

/// SN APDUs cut short, with counts and lengths claiming more than is there,
/// and with choice values the ASN.1 does not have: each ends in a
/// `DecodingError` at the offending byte.
@Suite(.timeLimit(.minutes(1))) struct SNHostileInputTests {
    static let samples: [(name: String, hex: String)] = [
        ("read-request", "05 05 02FA08 04601001 02020F03160A 050002 06000001 03C00102 07010003"),
        ("read-response", "0C 04 0006000009 15 0103 0201000202 0A0B 030005"),
        ("write-request", "06 02 02FA10 020108 02 1105 09020102"),
        ("unconfirmed-write-request", "16 01 02FA10 01 1105"),
        ("write-response", "0D 03 00 0104 020007"),
        ("information-report-request", "18 0C07E8030F050E000000FFC400 01 02FA08 01 1205DC"),
    ]

    static func error(_ name: String, _ input: [UInt8]) -> DecodingError? {
        switch name {
        case "read-request": ReadRequest.decodingError(input)
        case "read-response": ReadResponse.decodingError(input)
        case "write-request": WriteRequest.decodingError(input)
        case "unconfirmed-write-request": UnconfirmedWriteRequest.decodingError(input)
        case "write-response": WriteResponse.decodingError(input)
        default: InformationReportRequest.decodingError(input)
        }
    }

    @Test(arguments: samples.map(\.name))
    func everyFieldCutShortIsAnError(name: String) throws {
        let hex = try #require(Self.samples.first { $0.name == name }?.hex)
        let input = bytes(hex)
        #expect(Self.error(name, input) == nil, "the whole \(name) decodes")
        for count in 0..<input.count {
            let error = Self.error(name, Array(input.prefix(count)))
            #expect(error != nil, "\(name) cut to \(count) bytes decoded")
            if let error { #expect((0...count).contains(error.offset), "\(name) cut to \(count): \(error)") }
        }
    }

    @Test func countsClaimingMoreThanPresentAreRefusedAtTheCount() {
        #expect(ReadRequest.decodingError("05 84FFFFFFFF 02FA08")
            == DecodingError("variable-access-specification list of 4294967295 elements but only 3 bytes follow", at: 1))
        #expect(ReadResponse.decodingError("0C 82FFFF 0003")
            == DecodingError("read-response result list of 65535 elements but only 2 bytes follow", at: 1))
        #expect(WriteResponse.decodingError("0D 7F 00")?.offset == 1)
        #expect(WriteRequest.decodingError("06 01 02FA10 8180 11")
            == DecodingError("list-of-data of 128 elements but only 1 bytes follow", at: 5))
        #expect(InformationReportRequest.decodingError("18 00 01 02FA08 84FFFFFFFF")?.offset == 6)
    }

    @Test func lengthsClaimingMoreThanPresentAreRefusedAtTheLength() {
        #expect(ReadRequest.decodingError("05 01 06 01 0001 84FFFFFFFF 00")
            == DecodingError("raw-data of 4294967295 bytes but only 1 follow", at: 6))
        #expect(ReadResponse.decodingError("0C 01 02 01 0001 05 0102")
            == DecodingError("raw-data of 5 bytes but only 2 follow", at: 6))
        #expect(InformationReportRequest.decodingError("18 0C 07E8 01 02FA08 01 11")
            == DecodingError("current-time of 12 bytes but only 8 follow", at: 1))
        #expect(ReadRequest.decodingError("05 80")
            == DecodingError("variable-access-specification list count 80 has no length bytes (the indefinite form is not A-XDR)", at: 1))
    }

    @Test func absurdChoicesAreErrorsAtTheChoice() {
        #expect(ReadRequest.decodingError("05 01 03 0000")
            == DecodingError("detailed-access [3] is not used in DLMS/COSEM and cannot be decoded", at: 2))
        for choice: UInt8 in [0, 1, 8, 0x80, 0xFF] {
            let error = ReadRequest.decodingError([0x05, 0x01, choice, 0, 0, 0, 0])
            #expect(error?.offset == 2)
            #expect(error?.message.hasPrefix("variable-access-specification choice \(choice) is none of") == true)
        }
        #expect(ReadResponse.decodingError("0C 01 04 00")?.message
            == "read-response result choice 4 is none of data (0), data-access-error (1), data-block-result (2), block-number (3)")
        #expect(ReadResponse.decodingError("0C 02 00 11 05 FF")?.offset == 5)
        #expect(WriteResponse.decodingError("0D 01 03")
            == DecodingError("write-response result choice 3 is none of success (0), data-access-error (1), block-number (2)", at: 2))
        // An unknown data type inside a read-response is the data decoder's error, at its tag.
        #expect(ReadResponse.decodingError("0C 01 00 07")?.offset == 3)
    }

    @Test func wrongOrMissingTagsAreErrorsAtTheTag() {
        #expect(ReadRequest.decodingError("0C 01 00 00") == DecodingError("tag 0C is not read-request (05)", at: 0))
        #expect(ReadResponse.decodingError([]) == DecodingError("data ends where the read-response tag was expected", at: 0))
        #expect(WriteResponse.decodingError("05 00")?.offset == 0)
        #expect(InformationReportRequest.decodingError("D8 00")?.offset == 0)
    }

    @Test func deeplyNestedParameterIsBoundedByTheDataDecoder() {
        // parameterized-access whose parameter nests 100 structures: refused, not a stack overflow.
        let input = bytes("05 01 04 6010 01") + (0..<100).flatMap { _ in [0x02, 0x01] as [UInt8] } + [0x00]
        let error = ReadRequest.decodingError(input)
        #expect(error != nil)
        #expect(error?.message.contains("nested deeper") == true)
    }
}
