import DLMSAPDU
import DLMSCore
import DLMSTestSupport
import Testing

/// Access-Request and Access-Response (the ACCESS service): the Gurux
/// reference cases 80 and 81, the plaintext of vector c11 (an
/// Access-Request inside general-ciphering), every specification built in
/// code, hostile inputs.
@Suite struct AccessAPDUTests {
    static let clockTime = CosemAttributeDescriptor(classId: 8, instance: OBISCode(0, 0, 1, 0, 0), attributeId: 2)
    static let energy = CosemAttributeDescriptor(classId: 3, instance: OBISCode(1, 0, 1, 8, 0), attributeId: 2)

    @Test func guruxCase80TwoGets() throws {
        let request = try LNTest.decodeExactly(AccessRequest.self, try GuruxCase.apdu("80_access_request"))
        // cases.md: with date-time and two GET items (GXDLMSClient.accessRequest); a GET's data is null-data.
        #expect(request.longInvokeIdAndPriority.rawValue == 0xC000_0001)
        #expect(request.longInvokeIdAndPriority.highPriority && request.longInvokeIdAndPriority.confirmed)
        #expect(request.cosemDateTime?.rfc3339 == "2024-03-15T14:30:00+01:00")
        #expect(request.specifications == [.get(Self.clockTime), .get(Self.energy)])
        #expect(request.data == [.nullData, .nullData])
    }

    @Test func guruxCase81TwoResults() throws {
        let response = try LNTest.decodeExactly(AccessResponse.self, try GuruxCase.apdu("81_access_response"))
        // cases.md: long-invoke-id 1, no time, access-request-specification absent, data {date-time, uint32}, two get successes.
        #expect(response.longInvokeIdAndPriority.rawValue == 1 && response.dateTime.isEmpty)
        #expect(response.requestSpecifications == nil)
        #expect(response.data.count == 2 && response.data[1] == .doubleLongUnsigned(123_456))
        #expect(response.data[0].dateTimeValue?.rfc3339 == "2024-03-15T14:30:00+01:00")
        #expect(response.responses == [.get(.success), .get(.success)])
    }

    @Test func vectorC11AccessRequestWithSets() throws {
        let expected = try DataVectors.expected(of: try DataVectors.vector("c11"))
        let plaintext = try LNTest.hex(try #require(expected["plaintext_apdu"] as? String))
        let request = try LNTest.decodeExactly(AccessRequest.self, plaintext)
        let calendar = OBISCode(0, 0, 13, 0, 0)
        #expect(request.longInvokeIdAndPriority.rawValue == 0x4000_0000 && request.dateTime.isEmpty)
        #expect(request.specifications == [
            .get(CosemAttributeDescriptor(classId: 1, instance: OBISCode(0, 0, 96, 1, 0), attributeId: 2)),
            .get(Self.clockTime),
            .set(CosemAttributeDescriptor(classId: 20, instance: calendar, attributeId: 7)),
            .set(CosemAttributeDescriptor(classId: 20, instance: calendar, attributeId: 8)),
        ])
        #expect(request.data.count == 4 && request.data[0] == .nullData && request.data[1] == .nullData)
        #expect(request.data[2].elements?.count == 4 && request.data[3].elements?.count == 4)
    }

    static let range = SelectiveAccessDescriptor(entry: EntryDescriptor(fromEntry: 1, toEntry: 10))

    @Test func everySpecificationRoundTrips() throws {
        let disconnect = CosemMethodDescriptor(classId: 70, instance: OBISCode(0, 0, 96, 3, 10), methodId: 1)
        let request = AccessRequest(
            longInvokeIdAndPriority: LongInvokeIdAndPriority(rawValue: 0xE000_0007),
            dateTime: COSEMDateTime(year: 2024, month: 1, dayOfMonth: 1).encoded,
            specifications: [
                .get(Self.clockTime), .set(Self.clockTime), .action(disconnect),
                .getWithSelection(Self.energy, Self.range), .setWithSelection(Self.energy, Self.range),
            ],
            data: [.nullData, .octetString(COSEMDateTime(year: 2024).encoded), .integer(0), .nullData, .array([])]
        )
        try LNTest.expectRoundTrip(request)
        LNTest.expectEveryPrefixFails(AccessRequest.self, LNTest.encoded(request))
        LNTest.expectMutationsAreSafe(AccessRequest.self, LNTest.encoded(request))
        let response = AccessResponse(
            longInvokeIdAndPriority: LongInvokeIdAndPriority(rawValue: 7),
            requestSpecifications: request.specifications,
            data: [.octetString([1]), .nullData, .nullData, .array([]), .nullData],
            responses: [.get(.success), .set(.readWriteDenied), .action(.success), .get(.objectUndefined), .set(.success)]
        )
        try LNTest.expectRoundTrip(response)
        LNTest.expectEveryPrefixFails(AccessResponse.self, LNTest.encoded(response))
        LNTest.expectMutationsAreSafe(AccessResponse.self, LNTest.encoded(response))
        try LNTest.expectRoundTrip(AccessResponse(
            longInvokeIdAndPriority: LongInvokeIdAndPriority(rawValue: 7), data: [], responses: [], dataCount: .long(byteCount: 1)
        ))
    }

    @Test func theWireLayoutOfSpecifications() throws {
        // Choices: 1 get, 2 set, 3 action, 4 get-with-selection, 5 set-with-selection (the descriptor, then
        // the Selective-Access-Descriptor without a presence flag); one data element per specification.
        let request = try LNTest.decodeExactly(AccessRequest.self, try LNTest.hex(
            "D9 00000001 00 03"
                + " 03 0046 000060030AFF 01"
                + " 04 0003 0100010800FF 02 02 0204 0600000001 060000000A 120001 120000"
                + " 02 0008 0000010000FF 02"
                + " 03 0F00 00 1105"
        ))
        let disconnect = CosemMethodDescriptor(classId: 70, instance: OBISCode(0, 0, 96, 3, 10), methodId: 1)
        #expect(request.specifications == [.action(disconnect), .getWithSelection(Self.energy, Self.range), .set(Self.clockTime)])
        #expect(request.data == [.integer(0), .nullData, .unsigned(5)])
        // Access-Response-Body: [0] OPTIONAL request specifications, list of data, response specifications.
        let response = try LNTest.decodeExactly(AccessResponse.self, try LNTest.hex(
            "DA 00000001 00 01 01 02 0008 0000010000FF 02 01 00 01 02 03"
        ))
        #expect(response.requestSpecifications == [.set(Self.clockTime)])
        #expect(response.data == [.nullData] && response.responses == [.set(.readWriteDenied)])
    }

    @Test func hostileAccessAPDUs() throws {
        LNTest.expectFailure(AccessRequest.self, try LNTest.hex("D90000000100010600080000010000FF0200"), at: 7)  // choice 6
        LNTest.expectFailure(AccessRequest.self, try LNTest.hex("D90000000100840000FFFF"), at: 6)  // 65535 specifications
        LNTest.expectFailure(AccessRequest.self, try LNTest.hex("D900000001000002"), at: 7)  // 2 data, none present
        LNTest.expectFailure(AccessResponse.self, try LNTest.hex("DA000000010002"), at: 6)  // presence flag 02
        LNTest.expectFailure(AccessResponse.self, try LNTest.hex("DA0000000100000001040A"), at: 9)  // response choice 4
        LNTest.expectFailure(AccessResponse.self, try LNTest.hex("DA00000001000000050100"), at: 8)  // 5 responses, 1 present
        LNTest.expectEveryPrefixFails(AccessRequest.self, try GuruxCase.apdu("80_access_request"))
        LNTest.expectEveryPrefixFails(AccessResponse.self, try GuruxCase.apdu("81_access_response"))
        LNTest.expectMutationsAreSafe(AccessRequest.self, try GuruxCase.apdu("80_access_request"))
        LNTest.expectMutationsAreSafe(AccessResponse.self, try GuruxCase.apdu("81_access_response"))
    }
}
