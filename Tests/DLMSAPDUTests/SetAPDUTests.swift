import DLMSAPDU
import DLMSCore
import DLMSTestSupport
import Testing

/// Set-Request and Set-Response: the vectors (g04, g05), the Gurux reference
/// inputs (22, 23), every variant built in code, and hostile inputs.
@Suite struct SetAPDUTests {
    static let clockTime = CosemAttributeDescriptor(classId: 8, instance: OBISCode(0, 0, 1, 0, 0), attributeId: 2)
    static let high1 = InvokeIdAndPriority(rawValue: 0xC1)

    @Test func vectorG04SetsTheClock() throws {
        let request = try LNTest.decodeExactly(SetRequest.self, try LNTest.vectorHex("g04"))
        // 2021-01-24 14:48:57.80, deviation -60.
        let time = try LNTest.hex("07E50118FF0E303950FFC400")
        #expect(request == .normal(.init(invokeIdAndPriority: Self.high1, attribute: Self.clockTime, value: .octetString(time))))
        #expect(request.choice == 1)
    }

    @Test func vectorG05Success() throws {
        let response = try LNTest.decodeExactly(SetResponse.self, try LNTest.vectorHex("g05"))
        #expect(response == .normal(.init(invokeIdAndPriority: Self.high1, result: .success)))
    }

    @Test func guruxCases22And23() throws {
        let request = try LNTest.decodeExactly(SetRequest.self, try GuruxCase.apdu("22_set_request_normal"))
        guard case let .normal(normal) = request else {
            Issue.record("not normal: \(request)")
            return
        }
        #expect(normal.attribute == Self.clockTime && normal.accessSelection == nil)
        // cases.md: 2024-03-15 14:30:00 (+01:00).
        #expect(normal.value.dateTimeValue?.rfc3339 == "2024-03-15T14:30:00+01:00")
        let response = try LNTest.decodeExactly(SetResponse.self, try GuruxCase.apdu("23_set_response_normal"))
        #expect(response == .normal(.init(invokeIdAndPriority: Self.high1, result: .success)))
    }

    static let block = DataBlockSA(lastBlock: false, blockNumber: 1, rawData: [0x09, 0x82, 0x01, 0x00, 0xAA])
    static let entry = SelectiveAccessDescriptor(entry: EntryDescriptor(fromEntry: 2, toEntry: 3))

    static let requests: [SetRequest] = [
        .normal(.init(invokeIdAndPriority: high1, attribute: clockTime, value: .octetString([1, 2, 3]))),
        .normal(.init(invokeIdAndPriority: high1, attribute: clockTime, accessSelection: entry, value: .array([]))),
        .withFirstDataBlock(.init(invokeIdAndPriority: high1, attribute: clockTime, block: block)),
        .withFirstDataBlock(.init(invokeIdAndPriority: high1, attribute: clockTime, accessSelection: entry, block: block)),
        .withDataBlock(.init(invokeIdAndPriority: high1, block: DataBlockSA(lastBlock: true, blockNumber: 2, rawData: []))),
        .withDataBlock(.init(invokeIdAndPriority: high1, block: DataBlockSA(
            lastBlock: true, blockNumber: 2, rawData: [0xAB], rawDataLength: .long(byteCount: 2)
        ))),
        .withList(.init(
            invokeIdAndPriority: high1, attributes: [.init(attribute: clockTime), .init(attribute: clockTime, accessSelection: entry)],
            values: [.unsigned(5), .longUnsigned(6)]
        )),
        .withList(.init(invokeIdAndPriority: high1, attributes: [], values: [], attributeCount: .long(byteCount: 1))),
        .withListAndFirstDataBlock(.init(invokeIdAndPriority: high1, attributes: [.init(attribute: clockTime)], block: block)),
    ]

    @Test(arguments: requests)
    func everyRequestVariantRoundTrips(request: SetRequest) throws {
        try LNTest.expectRoundTrip(request)
        LNTest.expectEveryPrefixFails(SetRequest.self, LNTest.encoded(request))
        LNTest.expectMutationsAreSafe(SetRequest.self, LNTest.encoded(request))
    }

    static let responses: [SetResponse] = [
        .normal(.init(invokeIdAndPriority: high1, result: .typeUnmatched)),
        .dataBlock(.init(invokeIdAndPriority: high1, blockNumber: 1)),
        .lastDataBlock(.init(invokeIdAndPriority: high1, result: .success, blockNumber: 0xFFFF_FFFF)),
        .lastDataBlockWithList(.init(invokeIdAndPriority: high1, results: [.success, .readWriteDenied], blockNumber: 3)),
        .withList(.init(invokeIdAndPriority: high1, results: [.success, DataAccessResult(rawValue: 99)])),
    ]

    @Test(arguments: responses)
    func everyResponseVariantRoundTrips(response: SetResponse) throws {
        try LNTest.expectRoundTrip(response)
        LNTest.expectEveryPrefixFails(SetResponse.self, LNTest.encoded(response))
        LNTest.expectMutationsAreSafe(SetResponse.self, LNTest.encoded(response))
    }

    @Test func theWireLayoutOfTheBlockVariants() throws {
        // Green Book: Set-Request-With-Datablock = invoke-id, DataBlock-SA {last-block, block-number, raw-data}.
        #expect(LNTest.encoded(SetRequest.withDataBlock(.init(
            invokeIdAndPriority: Self.high1, block: DataBlockSA(lastBlock: true, blockNumber: 2, rawData: [0xAA, 0xBB])
        ))) == (try LNTest.hex("C103C1010000000202AABB")))
        // Set-Response-Last-Datablock-With-List = invoke-id, SEQUENCE OF result, block-number.
        #expect(try LNTest.decodeExactly(SetResponse.self, try LNTest.hex("C504C102000300000002"))
            == .lastDataBlockWithList(.init(invokeIdAndPriority: Self.high1, results: [.success, .readWriteDenied], blockNumber: 2)))
        // Set-Request-With-First-Datablock with an access selection [0] OPTIONAL absent.
        #expect(try LNTest.decodeExactly(SetRequest.self, try LNTest.hex("C102C100080000010000FF02000000000001030A0B0C"))
            == .withFirstDataBlock(.init(
                invokeIdAndPriority: Self.high1, attribute: Self.clockTime,
                block: DataBlockSA(lastBlock: false, blockNumber: 1, rawData: [0x0A, 0x0B, 0x0C])
            )))
    }

    @Test func hostileSetAPDUs() throws {
        for choice in [0x00, 0x06, 0x80] as [UInt8] {
            LNTest.expectFailure(SetRequest.self, [0xC1, choice, 0xC1, 0x00], at: 1)
            LNTest.expectFailure(SetResponse.self, [0xC5, choice, 0xC1, 0x00], at: 1)
        }
        LNTest.expectFailure(SetRequest.self, try LNTest.hex("C104C184FFFFFFFF"), at: 3)  // 2^32-1 attributes
        LNTest.expectFailure(SetRequest.self, try LNTest.hex("C104C10002FF"), at: 4)  // values count 2, 1 byte
        LNTest.expectFailure(SetResponse.self, try LNTest.hex("C505C10500"), at: 3)  // 5 results, 1 present
        LNTest.expectFailure(SetRequest.self, try LNTest.hex("C103C1000000000181FF00"), at: 8)  // raw data 255 bytes, 1 present
    }
}
