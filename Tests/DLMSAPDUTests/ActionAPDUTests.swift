import DLMSAPDU
import DLMSCore
import DLMSTestSupport
import Testing

/// Action-Request and Action-Response: the vectors (g06-g09: an HLS
/// reply_to_HLS_authentication exchange with a real Kaifa meter), the Gurux
/// reference inputs (24, 25), every variant built in code, hostile inputs.
@Suite struct ActionAPDUTests {
    static let high1 = InvokeIdAndPriority(rawValue: 0xC1)
    static let disconnect = CosemMethodDescriptor(classId: 70, instance: OBISCode(0, 0, 96, 3, 10), methodId: 1)
    static let hlsReply = CosemMethodDescriptor(classId: 15, instance: OBISCode(0, 0, 40, 0, 0), methodId: 1)

    @Test func vectorG06ReturnsData() throws {
        let response = try LNTest.decodeExactly(ActionResponse.self, try LNTest.vectorHex("g06"))
        let data = try LNTest.hex("1000001AFDE8857B728A3499106AA665D1")
        #expect(response == .normal(.init(
            invokeIdAndPriority: InvokeIdAndPriority(rawValue: 0xC0),
            response: ActionResponseWithOptionalData(result: .success, returnParameters: .data(.octetString(data)))
        )))
    }

    @Test func vectorG07ReturnsADataAccessResult() throws {
        let response = try LNTest.decodeExactly(ActionResponse.self, try LNTest.vectorHex("g07"))
        #expect(response == .normal(.init(
            invokeIdAndPriority: InvokeIdAndPriority(rawValue: 0xC0),
            response: ActionResponseWithOptionalData(result: .success, returnParameters: .dataAccessResult(.otherReason))
        )))
    }

    @Test func vectorsG08AndG09ReplyToHLSAuthentication() throws {
        let request = try LNTest.decodeExactly(ActionRequest.self, try LNTest.vectorHex("g08"))
        let challenge = try LNTest.hex("10012345677D52391C407E3A45210F000E")
        #expect(request == .normal(.init(invokeIdAndPriority: Self.high1, method: Self.hlsReply, parameters: .octetString(challenge))))
        #expect(Self.hlsReply.methodName == "reply_to_HLS_authentication")
        let response = try LNTest.decodeExactly(ActionResponse.self, try LNTest.vectorHex("g09"))
        let answer = try LNTest.hex("101A9190BC0A587217BCD2BCD4FDDB7143")
        #expect(response == .normal(.init(
            invokeIdAndPriority: Self.high1,
            response: ActionResponseWithOptionalData(result: .success, returnParameters: .data(.octetString(answer)))
        )))
    }

    @Test func guruxCases24And25() throws {
        let request = try LNTest.decodeExactly(ActionRequest.self, try GuruxCase.apdu("24_action_request_normal"))
        #expect(request == .normal(.init(invokeIdAndPriority: Self.high1, method: Self.disconnect, parameters: .integer(0))))
        #expect(Self.disconnect.methodName == "remote_disconnect")
        let response = try LNTest.decodeExactly(ActionResponse.self, try GuruxCase.apdu("25_action_response_with_data"))
        #expect(response == .normal(.init(
            invokeIdAndPriority: Self.high1,
            response: ActionResponseWithOptionalData(result: .success, returnParameters: .data(.octetString([0x00, 0x11, 0x22, 0x33])))
        )))
    }

    static let block = DataBlockSA(lastBlock: false, blockNumber: 1, rawData: [0x01, 0x02, 0x03])

    static let requests: [ActionRequest] = [
        .normal(.init(invokeIdAndPriority: high1, method: disconnect)),
        .normal(.init(invokeIdAndPriority: high1, method: disconnect, parameters: .integer(0))),
        .nextPBlock(.init(invokeIdAndPriority: high1, blockNumber: 1)),
        .withList(.init(invokeIdAndPriority: high1, methods: [disconnect, hlsReply], parameters: [.integer(0), .octetString([])])),
        .withFirstPBlock(.init(invokeIdAndPriority: high1, method: hlsReply, block: block)),
        .withListAndFirstPBlock(.init(invokeIdAndPriority: high1, methods: [disconnect, disconnect], block: block)),
        .withPBlock(.init(invokeIdAndPriority: high1, block: DataBlockSA(lastBlock: true, blockNumber: 2, rawData: [0x04]))),
    ]

    @Test(arguments: requests)
    func everyRequestVariantRoundTrips(request: ActionRequest) throws {
        try LNTest.expectRoundTrip(request)
        LNTest.expectEveryPrefixFails(ActionRequest.self, LNTest.encoded(request))
        LNTest.expectMutationsAreSafe(ActionRequest.self, LNTest.encoded(request))
    }

    static let responses: [ActionResponse] = [
        .normal(.init(invokeIdAndPriority: high1, response: ActionResponseWithOptionalData(result: .success))),
        .normal(.init(invokeIdAndPriority: high1, response: ActionResponseWithOptionalData(result: ActionResult(rawValue: 15)))),
        .withPBlock(.init(invokeIdAndPriority: high1, block: block)),
        .withList(.init(invokeIdAndPriority: high1, responses: [
            ActionResponseWithOptionalData(result: .success),
            ActionResponseWithOptionalData(result: .success, returnParameters: .data(.unsigned(5))),
            ActionResponseWithOptionalData(result: .objectUndefined, returnParameters: .dataAccessResult(.objectUndefined)),
        ])),
        .nextPBlock(.init(invokeIdAndPriority: high1, blockNumber: 9)),
    ]

    @Test(arguments: responses)
    func everyResponseVariantRoundTrips(response: ActionResponse) throws {
        try LNTest.expectRoundTrip(response)
        LNTest.expectEveryPrefixFails(ActionResponse.self, LNTest.encoded(response))
        LNTest.expectMutationsAreSafe(ActionResponse.self, LNTest.encoded(response))
    }

    @Test func theWireLayoutOfTheListVariants() throws {
        // Action-Request-With-List: invoke-id, SEQUENCE OF method descriptor, SEQUENCE OF Data.
        let request = try LNTest.decodeExactly(
            ActionRequest.self, try LNTest.hex("C303C1020046000060030AFF01000F0000280000FF01020F000901AA")
        )
        #expect(request == .withList(.init(
            invokeIdAndPriority: Self.high1, methods: [Self.disconnect, Self.hlsReply], parameters: [.integer(0), .octetString([0xAA])]
        )))
        // Action-Response-With-List: invoke-id, SEQUENCE OF {result, return-parameters OPTIONAL}.
        let response = try LNTest.decodeExactly(ActionResponse.self, try LNTest.hex("C703C103000000010011050B010104"))
        #expect(response == .withList(.init(invokeIdAndPriority: Self.high1, responses: [
            ActionResponseWithOptionalData(result: .success),
            ActionResponseWithOptionalData(result: .success, returnParameters: .data(.unsigned(5))),
            ActionResponseWithOptionalData(result: ActionResult(rawValue: 11), returnParameters: .dataAccessResult(.objectUndefined)),
        ])))
    }

    @Test func hostileActionAPDUs() throws {
        for choice in [0x00, 0x07, 0xFF] as [UInt8] {
            LNTest.expectFailure(ActionRequest.self, [0xC3, choice, 0xC1], at: 1)
        }
        for choice in [0x00, 0x05] as [UInt8] {
            LNTest.expectFailure(ActionResponse.self, [0xC7, choice, 0xC1], at: 1)
        }
        LNTest.expectFailure(ActionRequest.self, try LNTest.hex("C301C10046000060030AFF0103"), at: 12)  // presence flag 03
        LNTest.expectFailure(ActionRequest.self, try LNTest.hex("C303C1100046000060030AFF01"), at: 3)  // 16 methods, 1 present
        LNTest.expectFailure(ActionResponse.self, try LNTest.hex("C703C17F0000"), at: 3)  // 127 responses, 1 present
        LNTest.expectFailure(ActionResponse.self, try LNTest.hex("C701C1000102"), at: 5)  // Get-Data-Result choice 2
    }
}
