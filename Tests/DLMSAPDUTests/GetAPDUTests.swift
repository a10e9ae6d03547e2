import DLMSAPDU
import DLMSCore
import DLMSTestSupport
import Foundation
import Testing

/// Get-Request and Get-Response: the vectors (g01-g03, g14, e04, e05, a07),
/// the Gurux reference inputs (09-19, 76-78), values built in code, and
/// hostile inputs.
@Suite struct GetAPDUTests {
    static let clockTime = CosemAttributeDescriptor(classId: 8, instance: OBISCode(0, 0, 1, 0, 0), attributeId: 2)
    static let energy = CosemAttributeDescriptor(classId: 3, instance: OBISCode(1, 0, 1, 8, 0), attributeId: 2)
    static let energyScaler = CosemAttributeDescriptor(classId: 3, instance: OBISCode(1, 0, 1, 8, 0), attributeId: 3)
    static let high1 = InvokeIdAndPriority(rawValue: 0xC1)

    // MARK: Get-Request

    @Test func vectorG01GetRequestNormal() throws {
        let request = try LNTest.decodeExactly(GetRequest.self, try LNTest.vectorHex("g01"))
        let attribute = CosemAttributeDescriptor(classId: 1, instance: OBISCode(0, 0, 43, 1, 0), attributeId: 2)
        #expect(request == .normal(.init(invokeIdAndPriority: Self.high1, attribute: attribute)))
        #expect(request.invokeIdAndPriority.invokeId == 1 && request.invokeIdAndPriority.highPriority)
        #expect(request.choice == 1)
    }

    @Test func vectorG14SelectiveAccessByRange() throws {
        let vector = try DataVectors.vector("g14")
        let request = try LNTest.decodeExactly(GetRequest.self, try LNTest.vectorHex("g14"))
        guard case let .normal(normal) = request, let selection = normal.accessSelection else {
            Issue.record("not a normal request with selective access: \(request)")
            return
        }
        #expect(normal.attribute == CosemAttributeDescriptor(classId: 7, instance: OBISCode(1, 0, 99, 1, 0), attributeId: 2))
        #expect(selection.accessSelector == 1)
        let expected = try #require(try DataVectors.expected(of: vector)["access_parameters"])
        #expect(Expectation.mismatches(selection.accessParameters, expected).isEmpty)
    }

    @Test func vectorE05GetRequestNext() throws {
        let request = try LNTest.decodeExactly(GetRequest.self, try LNTest.vectorHex("e05"))
        #expect(request == .next(.init(invokeIdAndPriority: Self.high1, blockNumber: 1)))
    }

    @Test func plaintextGetRequestsOfTheCipheringVectors() throws {
        // a02: the Green Book example (invoke-id-and-priority 00); a06: a real Kamstrup meter.
        let greenBook = try LNTest.decodeExactly(GetRequest.self, try LNTest.vectorHex("a02", "plaintext_apdu"))
        #expect(greenBook == .normal(.init(invokeIdAndPriority: InvokeIdAndPriority(rawValue: 0), attribute: Self.clockTime)))
        let kamstrup = try LNTest.decodeExactly(GetRequest.self, try LNTest.vectorHex("a06", "plaintext_apdu"))
        let attribute = CosemAttributeDescriptor(classId: 1, instance: OBISCode(0, 0, 96, 2, 0), attributeId: 2)
        #expect(kamstrup == .normal(.init(invokeIdAndPriority: Self.high1, attribute: attribute)))
    }

    @Test func guruxCase09ClockTime() throws {
        let request = try LNTest.decodeExactly(GetRequest.self, try GuruxCase.apdu("09_get_request_normal"))
        #expect(request == .normal(.init(invokeIdAndPriority: Self.high1, attribute: Self.clockTime)))
    }

    @Test func guruxCase10ProfileByRange() throws {
        let request = try LNTest.decodeExactly(GetRequest.self, try GuruxCase.apdu("10_get_request_selective_range"))
        guard case let .normal(normal) = request, case let .range(range)? = normal.accessSelection?.parameters else {
            Issue.record("no range descriptor in \(request)")
            return
        }
        #expect(normal.attribute == CosemAttributeDescriptor(classId: 7, instance: OBISCode(1, 0, 99, 1, 0), attributeId: 2))
        // cases.md: profile 1.0.99.1.0.255 buffer by range of the clock; Gurux's comments give the limits in
        // UTC (03/14/24 23:00:00 and 03/15/24 23:00:00), the bytes say local midnight with deviation -60.
        #expect(range.restrictingObject == CaptureObjectDefinition(classId: 8, logicalName: OBISCode(0, 0, 1, 0, 0), attributeIndex: 2))
        #expect(range.from.dateTimeValue?.rfc3339 == "2024-03-15T00:00:00+01:00")
        #expect(range.to.dateTimeValue?.rfc3339 == "2024-03-16T00:00:00+01:00")
        #expect(range.selectedValues.isEmpty)
    }

    @Test func guruxCase11ThreeAttributes() throws {
        let request = try LNTest.decodeExactly(GetRequest.self, try GuruxCase.apdu("11_get_request_with_list"))
        let expected = [Self.clockTime, Self.energy, Self.energyScaler].map { CosemAttributeDescriptorWithSelection(attribute: $0) }
        #expect(request == .withList(.init(invokeIdAndPriority: Self.high1, attributes: expected)))
    }

    @Test func requestsBuiltInCodeRoundTrip() throws {
        let range = SelectiveAccessDescriptor(range: RangeDescriptor(
            restrictingObject: CaptureObjectDefinition(classId: 8, logicalName: OBISCode(0, 0, 1, 0, 0), attributeIndex: 2),
            from: .octetString(COSEMDateTime(year: 2024, month: 3, dayOfMonth: 1, hour: 0, minute: 0, second: 0).encoded),
            to: .octetString(COSEMDateTime(year: 2024, month: 3, dayOfMonth: 2, hour: 0, minute: 0, second: 0).encoded),
            selectedValues: [CaptureObjectDefinition(classId: 3, logicalName: OBISCode(1, 0, 1, 8, 0), attributeIndex: 2)]
        ))
        let entry = SelectiveAccessDescriptor(entry: EntryDescriptor(fromEntry: 1, toEntry: 0))
        let odd = SelectiveAccessDescriptor(accessSelector: 9, accessParameters: .visibleString("x"))
        try LNTest.expectRoundTrip(GetRequest.normal(.init(invokeIdAndPriority: Self.high1, attribute: Self.energy, accessSelection: range)))
        try LNTest.expectRoundTrip(GetRequest.next(.init(invokeIdAndPriority: InvokeIdAndPriority(rawValue: 0x42), blockNumber: .max)))
        try LNTest.expectRoundTrip(GetRequest.withList(.init(invokeIdAndPriority: Self.high1, attributes: [
            .init(attribute: Self.clockTime), .init(attribute: Self.energy, accessSelection: entry),
            .init(attribute: Self.energyScaler, accessSelection: odd),
        ])))
        try LNTest.expectRoundTrip(GetRequest.withList(.init(invokeIdAndPriority: Self.high1, attributes: [])))
        let many = (0..<200).map { _ in CosemAttributeDescriptorWithSelection(attribute: Self.energy) }
        try LNTest.expectRoundTrip(GetRequest.withList(.init(invokeIdAndPriority: Self.high1, attributes: many)))
    }

    // MARK: Get-Response

    @Test func vectorG02DoubleLongUnsigned() throws {
        let response = try LNTest.decodeExactly(GetResponse.self, try LNTest.vectorHex("g02"))
        #expect(response == .normal(.init(invokeIdAndPriority: Self.high1, result: .data(.doubleLongUnsigned(5009)))))
    }

    @Test func vectorG03HardwareFault() throws {
        let response = try LNTest.decodeExactly(GetResponse.self, try LNTest.vectorHex("g03"))
        #expect(response == .normal(.init(invokeIdAndPriority: Self.high1, result: .dataAccessResult(.hardwareFault))))
    }

    @Test func vectorE04FirstBlockOfAProfile() throws {
        let bytes = try LNTest.dataFile("u9n_get_response_with_datablock_block1.hex")
        #expect(bytes.starts(with: try LNTest.vectorHex("e04", "apdu_head")))
        let response = try LNTest.decodeExactly(GetResponse.self, bytes)
        guard case let .withDataBlock(block) = response else {
            Issue.record("not with-datablock: \(response)")
            return
        }
        #expect(!block.block.lastBlock && block.block.blockNumber == 1)
        #expect(block.block.rawData?.count == 1182)
        #expect(block.block.rawData?.starts(with: [0x01, 0x82, 0x05, 0xA0]) == true)  // array of 1440 entries
    }

    @Test func secondDatablockSample() throws {
        let sample = try LNTest.dataFile("u9n_get_response_with_datablock_b.hex")
        guard case let .withDataBlock(block) = try LNTest.decodeExactly(GetResponse.self, sample) else {
            Issue.record("not with-datablock")
            return
        }
        #expect(block.block.blockNumber == 1 && !block.block.lastBlock)
    }

    @Test func vectorA07DatablockWithTwoByteLength() throws {
        let vector = try DataVectors.vector("a07")
        let expected = try #require(try DataVectors.expected(of: vector)["plaintext_apdu"] as? String)
        let response = try LNTest.decodeExactly(GetResponse.self, try LNTest.hex(expected))
        guard case let .withDataBlock(block) = response, case let .rawData(bytes, length) = block.block.result else {
            Issue.record("not raw data: \(response)")
            return
        }
        #expect(bytes.count == 0x3F8 && length == .canonical)
        #expect(block.block.blockNumber == 1 && !block.block.lastBlock)
    }

    @Test(arguments: [
        "12_get_response_datetime", "13_get_response_scaler_unit", "14_get_response_array100",
        "15_get_response_profile_rows", "19_get_response_all_simple_types", "20_get_response_compact_array_simple",
        "21_get_response_compact_array_struct",
    ])
    func guruxNormalResponsesCarryTheirData(name: String) throws {
        let response = try LNTest.decodeExactly(GetResponse.self, try GuruxCase.apdu(name))
        let data = try DLMSData(decoding: try GuruxCase.getResponseData(name))
        #expect(response == .normal(.init(invokeIdAndPriority: Self.high1, result: .data(data))))
    }

    @Test func guruxCase16ObjectUndefined() throws {
        let response = try LNTest.decodeExactly(GetResponse.self, try GuruxCase.apdu("16_get_response_access_error"))
        #expect(response == .normal(.init(invokeIdAndPriority: Self.high1, result: .dataAccessResult(.objectUndefined))))
    }

    @Test func guruxCase17KeepsTheDataAccessResult() throws {
        let response = try LNTest.decodeExactly(GetResponse.self, try GuruxCase.apdu("17_get_response_with_list"))
        // cases.md: date-time (deviation not specified, status FF), double-long-unsigned, read-write-denied (3).
        let dateTime = COSEMDateTime(
            year: 2024, month: 3, dayOfMonth: 15, dayOfWeek: 5, hour: 14, minute: 30, second: 5, hundredths: 0
        )
        #expect(response == .withList(.init(invokeIdAndPriority: Self.high1, results: [
            .data(.octetString(dateTime.encoded)), .data(.doubleLongUnsigned(123_456)), .dataAccessResult(.readWriteDenied),
        ])))
    }

    @Test func guruxCase18FirstDatablock() throws {
        let response = try LNTest.decodeExactly(GetResponse.self, try GuruxCase.apdu("18_get_response_datablock_first"))
        // cases.md: last-block FALSE, block 1, raw-data = the first 20 bytes of an array.
        let raw = try LNTest.hex("010A060000000006000000010600000002060000")
        #expect(response == .withDataBlock(.init(
            invokeIdAndPriority: Self.high1, block: DataBlockG(lastBlock: false, blockNumber: 1, result: .rawData(raw))
        )))
    }

    @Test func guruxCase76Date() throws {
        let response = try LNTest.decodeExactly(GetResponse.self, try GuruxCase.apdu("76_get_response_date_type_0x1A"))
        let date = COSEMDate(year: 2024, month: 3, dayOfMonth: 15, dayOfWeek: 5)
        #expect(response == .normal(.init(invokeIdAndPriority: Self.high1, result: .data(.date(date)))))
    }

    @Test func guruxCase77TruncatedIsADecodingError() throws {
        // C4 01 C1 00 | 06 00 00: the double-long-unsigned's 4 bytes start at offset 5, 2 are present.
        LNTest.expectFailure(GetResponse.self, try GuruxCase.apdu("77_get_response_truncated"), at: 5)
    }

    @Test func guruxCase78LeavesTheTrailingByteToTheCaller() throws {
        let decoded = try LNTest.decode(GetResponse.self, try GuruxCase.apdu("78_get_response_trailing_bytes"))
        #expect(decoded.value == .normal(.init(invokeIdAndPriority: Self.high1, result: .data(.doubleLongUnsigned(42)))))
        #expect(decoded.trailingOffset == 9 && decoded.trailingCount == 1)
        #expect(decoded.findings.isEmpty)
    }

    @Test func responsesBuiltInCodeRoundTrip() throws {
        try LNTest.expectRoundTrip(GetResponse.normal(.init(invokeIdAndPriority: Self.high1, result: .data(.nullData))))
        try LNTest.expectRoundTrip(GetResponse.normal(.init(invokeIdAndPriority: Self.high1, result: .dataAccessResult(DataAccessResult(rawValue: 77)))))
        let long = [UInt8](repeating: 0xAB, count: 300)
        try LNTest.expectRoundTrip(GetResponse.withDataBlock(.init(
            invokeIdAndPriority: Self.high1, block: DataBlockG(lastBlock: true, blockNumber: 7, result: .rawData(long))
        )))
        try LNTest.expectRoundTrip(GetResponse.withDataBlock(.init(
            invokeIdAndPriority: Self.high1, block: DataBlockG(lastBlock: true, blockNumber: 0, result: .rawData([], length: .long(byteCount: 2)))
        )))
        try LNTest.expectRoundTrip(GetResponse.withDataBlock(.init(
            invokeIdAndPriority: Self.high1, block: DataBlockG(lastBlock: false, blockNumber: 2, result: .dataAccessResult(.otherReason))
        )))
        try LNTest.expectRoundTrip(GetResponse.withList(.init(
            invokeIdAndPriority: Self.high1, results: [.data(.structure([.integer(-1), .enum(27)])), .dataAccessResult(.objectUnavailable)],
            resultCount: .long(byteCount: 1)
        )))
    }

    // MARK: Hostile inputs

    static let samples = [
        "C001C1000100002B0100FF0200", "C002C100000001",
        "C001C100070100630100FF0201010204020412000809060000010000FF0F02120000090C07E10A010700000000FFC480090C07E10A010701000000FFC4800100",
        "C003C10300080000010000FF020000030100010800FF020000030100010800FF0300",
    ]

    @Test(arguments: samples)
    func everyCutShortRequestFails(hex: String) throws {
        LNTest.expectEveryPrefixFails(GetRequest.self, try LNTest.hex(hex))
        LNTest.expectMutationsAreSafe(GetRequest.self, try LNTest.hex(hex))
    }

    static let responseSamples = [
        "C401C1000600001391", "C401C10101", "C403C10300090C07E8030F050E1E05008000FF00060001E2400103",
        "C402C100000000010014010A060000000006000000010600000002060000", "C402C1010000000200",
        "C401C1000215000301040CA53005FFFE1DC006EE6B280009030102030A084752582D303030310C086BC3A4797474C3B60D42",
    ]

    @Test(arguments: responseSamples)
    func everyCutShortResponseFails(hex: String) throws {
        LNTest.expectEveryPrefixFails(GetResponse.self, try LNTest.hex(hex))
        LNTest.expectMutationsAreSafe(GetResponse.self, try LNTest.hex(hex))
    }

    @Test func countsAndLengthsThatClaimTooMuchAreRefused() throws {
        // with-list of 0xFFFFFFFF descriptors: refused at the count (offset 3) before anything is reserved.
        LNTest.expectFailure(GetRequest.self, try LNTest.hex("C003C184FFFFFFFF0008"), at: 3)
        // two descriptors announced, one present.
        LNTest.expectFailure(GetRequest.self, try LNTest.hex("C003C10200080000010000FF0200"), at: 3)
        LNTest.expectFailure(GetResponse.self, try LNTest.hex("C403C1830100000000"), at: 3)
        // raw data of 0x10000 bytes with 3 present: the error points at the raw data's length.
        LNTest.expectFailure(GetResponse.self, try LNTest.hex("C402C1000000000100830100000102"), at: 9)
        // a length with 5 length bytes.
        LNTest.expectFailure(GetResponse.self, try LNTest.hex("C402C10000000001008501000000000000"), at: 9)
    }

    @Test func undefinedChoicesAreRefusedWhereTheyStand() throws {
        for choice in [0x00, 0x04, 0xFF] as [UInt8] {
            LNTest.expectFailure(GetRequest.self, [0xC0, choice, 0xC1, 0x00, 0x01], at: 1)
            LNTest.expectFailure(GetResponse.self, [0xC4, choice, 0xC1, 0x00, 0x00], at: 1)
        }
        LNTest.expectFailure(GetResponse.self, try LNTest.hex("C401C10205"), at: 3)  // Get-Data-Result choice 2
        LNTest.expectFailure(GetResponse.self, try LNTest.hex("C402C101000000010205"), at: 8)  // DataBlock-G choice 2
        LNTest.expectFailure(GetRequest.self, try LNTest.hex("C001C100080000010000FF0202"), at: 12)  // presence flag 02
        LNTest.expectFailure(GetRequest.self, try LNTest.hex("C401C1000600001391"), at: 0)  // wrong tag
        LNTest.expectFailure(GetResponse.self, [], at: 0)
    }

    @Test func aLastBlockThatIsNotABooleanIsReadAsTrueAndNoted() throws {
        let decoded = try LNTest.decode(GetResponse.self, try LNTest.hex("C402C1050000000200020102"))
        guard case let .withDataBlock(block) = decoded.value else {
            Issue.record("not with-datablock")
            return
        }
        #expect(block.block.lastBlock)
        #expect(decoded.findings.map(\.code) == [.apduNonCanonical])
        #expect(decoded.findings.first?.offset == 3)
    }
}
