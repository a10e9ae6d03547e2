import DLMSAPDU
import DLMSCore
import Testing

/// The SN-referencing services (Green Book xDLMS ASN.1, ReadRequest ...
/// InformationReportRequest): reference cases 34 and 35 and hand-encoded
/// APDUs for every CHOICE alternative, each byte written from the ASN.1.
@Suite struct SNServiceTests {
    @Test func readRequestOfReferenceCase34() throws {
        let input = try GuruxCase.apdu("34_sn_read_request")
        let request = try ReadRequest.decodingAll(input)
        #expect(request == ReadRequest([.variableName(0xFA08)]))
        #expect(request.variableAccessSpecifications.first?.variableName == 0xFA08)
        #expect(request.encodedBytes == input)
    }

    @Test func readResponseOfReferenceCase35() throws {
        let input = try GuruxCase.apdu("35_sn_read_response")
        let response = try ReadResponse.decodingAll(input)
        #expect(response == ReadResponse([.data(.visibleString("GRX0001234"))]))
        #expect(response.encodedBytes == input)
    }

    @Test func readRequestWithEveryAccessAlternative() throws {
        let input = bytes(
            "05 05"
                + " 02 FA08" // variable-name 0xFA08
                + " 04 6010 01 02020F03160A" // parameterized-access 0x6010, selector 1, structure{integer 3, enum 10}
                + " 05 0002" // block-number-access 2
                + " 06 00 0001 03 C00102" // read-data-block-access, not last, block 1, raw-data C00102
                + " 07 01 0003" // write-data-block-access, last, block 3
        )
        let request = try ReadRequest.decodingAll(input)
        #expect(request.variableAccessSpecifications == [
            .variableName(0xFA08),
            .parameterizedAccess(variableName: 0x6010, selector: 1, parameter: .structure([.integer(3), .enum(10)])),
            .blockNumberAccess(blockNumber: 2),
            .readDataBlockAccess(SNDataBlock(lastBlock: false, blockNumber: 1, rawData: [0xC0, 0x01, 0x02])),
            .writeDataBlockAccess(lastBlockByte: 1, blockNumber: 3),
        ])
        #expect(request.variableAccessSpecifications.map(\.choiceTag) == [2, 4, 5, 6, 7])
        #expect(request.variableAccessSpecifications.map(\.variableName) == [0xFA08, 0x6010, nil, nil, nil])
        #expect(request.encodedBytes == input)
    }

    @Test func readResponseWithEveryResultAlternative() throws {
        let input = bytes(
            "0C 04"
                + " 00 06 00000915" // data: double-long-unsigned 2325
                + " 01 03" // data-access-error read-write-denied
                + " 02 01 0002 02 0A0B" // data-block-result: last, block 2, raw-data 0A0B
                + " 03 0005" // block-number 5
        )
        let response = try ReadResponse.decodingAll(input)
        #expect(response.results == [
            .data(.doubleLongUnsigned(2325)),
            .dataAccessError(.readWriteDenied),
            .dataBlockResult(SNDataBlock(lastBlock: true, blockNumber: 2, rawData: [0x0A, 0x0B])),
            .blockNumber(5),
        ])
        #expect(response.results.map(\.choiceName) == ["data", "data-access-error", "data-block-result", "block-number"])
        #expect(response.encodedBytes == input)
    }

    @Test func writeRequestAndUnconfirmedWriteRequest() throws {
        // write 0xFA10 := unsigned 5 and 0x0108 := octet-string 0102
        let body = "02 02FA10 020108 02 1105 09020102"
        let write = try WriteRequest.decodingAll(bytes("06 " + body))
        #expect(write.variableAccessSpecifications == [.variableName(0xFA10), .variableName(0x0108)])
        #expect(write.listOfData == [.unsigned(5), .octetString([1, 2])])
        #expect(write.encodedBytes == bytes("06 " + body))

        let unconfirmed = try UnconfirmedWriteRequest.decodingAll(bytes("16 " + body))
        #expect(unconfirmed.variableAccessSpecifications == write.variableAccessSpecifications)
        #expect(unconfirmed.listOfData == write.listOfData)
        #expect(unconfirmed.encodedBytes == bytes("16 " + body))
        // Each is refused under the other's tag.
        #expect(WriteRequest.decodingError("16 " + body) == DecodingError("tag 16 is not write-request (06)", at: 0))
        #expect(UnconfirmedWriteRequest.decodingError("06 " + body)?.offset == 0)
    }

    @Test func longWriteInBlocks() throws {
        // write-data-block-access, not last, block 1; the raw data is the one octet-string value
        let input = bytes("06 01 07 00 0001 01 09 03 C10203")
        let write = try WriteRequest.decodingAll(input)
        #expect(write.variableAccessSpecifications == [.writeDataBlockAccess(lastBlockByte: 0, blockNumber: 1)])
        #expect(write.listOfData == [.octetString([0xC1, 0x02, 0x03])])
    }

    @Test func writeResponseWithEveryResultAlternative() throws {
        let input = bytes("0D 03 00 01 04 02 0007")
        let response = try WriteResponse.decodingAll(input)
        #expect(response.results == [.success, .dataAccessError(.objectUndefined), .blockNumber(7)])
        #expect(response.results.map(\.choiceTag) == [0, 1, 2])
        #expect(response.encodedBytes == input)
    }

    @Test func informationReportWithAndWithoutCurrentTime() throws {
        // 2024-03-15 (Friday) 14:00:00, deviation -60, status 0
        let time = "0C 07E8030F050E000000FFC400"
        let withTime = bytes("18 " + time + " 01 02FA08 01 1205DC")
        let report = try InformationReportRequest.decodingAll(withTime)
        #expect(report.currentTime.bytes == bytes("07E8030F050E000000FFC400"))
        #expect(report.currentDateTime?.hour == 14)
        #expect(report.currentDateTime?.deviationMinutes == -60)
        #expect(report.variableAccessSpecifications == [.variableName(0xFA08)])
        #expect(report.listOfData == [.longUnsigned(1500)])
        #expect(report.encodedBytes == withTime)

        let withoutTime = bytes("18 00 01 02FA08 01 1205DC")
        let bare = try InformationReportRequest.decodingAll(withoutTime)
        #expect(bare.currentTime.isEmpty)
        #expect(bare.currentDateTime == nil)
        #expect(bare.encodedBytes == withoutTime)
    }

    @Test func nonCanonicalFormsAreKeptForReencoding() throws {
        // Counts and raw-data lengths in the long form, a last-block byte of FF.
        let read = bytes("05 8101 06 FF 0001 8102 ABCD")
        let request = try ReadRequest.decodingAll(read)
        #expect(request.countForm == .long(byteCount: 1))
        guard case let .readDataBlockAccess(block)? = request.variableAccessSpecifications.first else {
            Issue.record("not a read-data-block-access")
            return
        }
        #expect(block.lastBlock && block.lastBlockByte == 0xFF)
        #expect(block.rawData.lengthForm == .long(byteCount: 1))
        #expect(request.encodedBytes == read)

        let write = bytes("06 820001 02FA10 8101 1105")
        let decoded = try WriteRequest.decodingAll(write)
        #expect(decoded.specificationCountForm == .long(byteCount: 2))
        #expect(decoded.dataCountForm == .long(byteCount: 1))
        #expect(decoded.encodedBytes == write)
        let canonical = WriteRequest(variableAccessSpecifications: decoded.variableAccessSpecifications, listOfData: decoded.listOfData)
        #expect(canonical.encodedBytes == bytes("06 01 02FA10 01 1105"))
    }

    @Test func builtValuesRoundTrip() throws {
        let block = SNDataBlock(lastBlock: true, blockNumber: 0xFFFF, rawData: AXDROctetString([UInt8](repeating: 7, count: 200)))
        let specifications: [VariableAccessSpecification] = [
            .variableName(0), .variableName(0xFFFF),
            .parameterizedAccess(variableName: 0x8000, selector: 255, parameter: .array([.nullData, .nullData])),
            .blockNumberAccess(blockNumber: 0), .readDataBlockAccess(block),
            .writeDataBlockAccess(lastBlockByte: 0, blockNumber: 9),
        ]
        #expect(try ReadRequest(specifications).roundTrips())
        #expect(try ReadRequest([]).roundTrips())
        #expect(try ReadResponse([.data(.nullData), .dataAccessError(DataAccessResult(rawValue: 99)),
                                  .dataBlockResult(block), .blockNumber(1)]).roundTrips())
        #expect(try WriteRequest(variableAccessSpecifications: specifications, listOfData: [.boolean(true)]).roundTrips())
        #expect(try UnconfirmedWriteRequest(variableAccessSpecifications: [], listOfData: []).roundTrips())
        #expect(try WriteResponse([.success, .blockNumber(0xFFFF), .dataAccessError(.otherReason)]).roundTrips())
        #expect(try InformationReportRequest(
            currentTime: AXDROctetString(bytes("07E8030F050E000000FFC400")),
            variableAccessSpecifications: specifications, listOfData: [.long64(-1)]
        ).roundTrips())
        #expect(try InformationReportRequest(
            currentTime: AXDROctetString([1, 2, 3], lengthForm: .long(byteCount: 2)),
            variableAccessSpecifications: [.variableName(1)], listOfData: [.unsigned(1)], specificationCountForm: .long(byteCount: 4)
        ).roundTrips())
    }
}
