import DLMSAPDU
import DLMSCore
import DLMSOutput
import DLMSTestSupport
import Testing

/// The SN services in JSON and in the Gurux vocabulary: reference cases 34
/// and 35 equal Gurux's elements; the others follow Gurux's SN handlers
/// (ReadRequest/ReadResponse/WriteRequest/WriteResponse/InformationReport
/// element names and nesting), with dlmscope's choices where Gurux is wrong.
@Suite struct SNPresentationTests {
    let context = PresentationContext()

    @Test func readRequestOfCase34MatchesGurux() throws {
        let request = try SNCipheredCase.decode("34_sn_read_request") { (reader, notes) throws(DecodingError) in
            try ReadRequest(from: &reader, notes: &notes)
        }
        #expect(try SNCipheredXML.ours(request.guruxXML(context)) == (try SNCipheredXML.gurux("34_sn_read_request")))
        #expect(request.apduType == "read-request" && request.variant == nil)
        let json = request.jsonFields(context)
        #expect(SNCipheredJSON.at(json, "variables.0.access") == .text("variable-name"))
        #expect(SNCipheredJSON.at(json, "variables.0.variableName") == .integer(0xFA08))
        #expect(SNCipheredJSON.at(json, "variables.0.variableNameHex") == .text("FA08"))
    }

    @Test func readResponseOfCase35MatchesGurux() throws {
        let response = try SNCipheredCase.decode("35_sn_read_response") { (reader, notes) throws(DecodingError) in
            try ReadResponse(from: &reader, notes: &notes)
        }
        #expect(try SNCipheredXML.ours(response.guruxXML(context)) == (try SNCipheredXML.gurux("35_sn_read_response")))
        let json = response.jsonFields(context)
        #expect(SNCipheredJSON.at(json, "results.0.choice") == .text("data"))
        #expect(SNCipheredJSON.at(json, "results.0.data.type") == .text("visible-string"))
        #expect(SNCipheredJSON.at(json, "results.0.data.value") == .text("GRX0001234"))
    }

    @Test func everyAccessAlternativeInXMLAndJSON() throws {
        let request = ReadRequest([
            .variableName(0xFA08),
            .parameterizedAccess(variableName: 0x6010, selector: 1, parameter: .structure([.integer(3), .enum(10)])),
            .blockNumberAccess(blockNumber: 2),
            .readDataBlockAccess(SNDataBlock(lastBlock: false, blockNumber: 1, rawData: [0xC0, 0x01])),
            .writeDataBlockAccess(lastBlockByte: 1, blockNumber: 3),
        ])
        #expect(try SNCipheredXML.ours(request.guruxXML(context)) == (try SNCipheredXML.expected("""
        <ReadRequest Qty="05">
          <VariableName Value="FA08" />
          <ParameterisedAccess>
            <VariableName Value="6010" />
            <Selector Value="01" />
            <Parameter><Structure Qty="02"><Int8 Value="03" /><Enum Value="0A" /></Structure></Parameter>
          </ParameterisedAccess>
          <BlockNumberAccess><BlockNumber Value="0002" /></BlockNumberAccess>
          <ReadDataBlockAccess><LastBlock Value="00" /><BlockNumber Value="0001" /><RawData Value="C001" /></ReadDataBlockAccess>
          <WriteDataBlockAccess><LastBlock Value="01" /><BlockNumber Value="0003" /></WriteDataBlockAccess>
        </ReadRequest>
        """)))
        let json = request.jsonFields(context)
        #expect(SNCipheredJSON.at(json, "variables.1.access") == .text("parameterized-access"))
        #expect(SNCipheredJSON.at(json, "variables.1.selector") == .integer(1))
        #expect(SNCipheredJSON.at(json, "variables.1.parameter.type") == .text("structure"))
        #expect(SNCipheredJSON.at(json, "variables.2.blockNumber") == .integer(2))
        #expect(SNCipheredJSON.at(json, "variables.3.rawData") == .bytes([0xC0, 0x01]))
        #expect(SNCipheredJSON.at(json, "variables.3.lastBlock") == .boolean(false))
        #expect(SNCipheredJSON.at(json, "variables.4.lastBlock") == .boolean(true))
    }

    @Test func readResponseWithEveryResult() throws {
        let response = ReadResponse([
            .data(.doubleLongUnsigned(2325)), .dataAccessError(.readWriteDenied),
            .dataBlockResult(SNDataBlock(lastBlock: true, blockNumber: 2, rawData: [0x0A])), .blockNumber(5),
            .dataAccessError(DataAccessResult(rawValue: 77)),
        ])
        #expect(try SNCipheredXML.ours(response.guruxXML(context)) == (try SNCipheredXML.expected("""
        <ReadResponse Qty="05">
          <Data><UInt32 Value="00000915" /></Data>
          <DataAccessError Value="ReadWriteDenied" />
          <DataBlockResult><LastBlock Value="01" /><BlockNumber Value="0002" /><RawData Value="0A" /></DataBlockResult>
          <BlockNumber Value="0005" />
          <DataAccessError Value="4D" />
        </ReadResponse>
        """)))
        let json = response.jsonFields(context)
        #expect(SNCipheredJSON.at(json, "results.1.result") == .text("read-write-denied"))
        #expect(SNCipheredJSON.at(json, "results.1.resultCode") == .integer(3))
        #expect(SNCipheredJSON.at(json, "results.2.choice") == .text("data-block-result"))
        #expect(SNCipheredJSON.at(json, "results.3.blockNumber") == .integer(5))
        #expect(SNCipheredJSON.at(json, "results.4.result") == .text("unknown (77)"))
    }

    @Test func writeRequestsAndResponse() throws {
        let specifications: [VariableAccessSpecification] = [.variableName(0xFA10)]
        let expectedBody = """
          <ListOfVariableAccessSpecification Qty="01"><VariableName Value="FA10" /></ListOfVariableAccessSpecification>
          <ListOfData Qty="01"><UInt8 Value="05" /></ListOfData>
        """
        let write = WriteRequest(variableAccessSpecifications: specifications, listOfData: [.unsigned(5)])
        #expect(try SNCipheredXML.ours(write.guruxXML(context))
            == (try SNCipheredXML.expected("<WriteRequest>\(expectedBody)</WriteRequest>")))
        let unconfirmed = UnconfirmedWriteRequest(variableAccessSpecifications: specifications, listOfData: [.unsigned(5)])
        #expect(try SNCipheredXML.ours(unconfirmed.guruxXML(context))
            == (try SNCipheredXML.expected("<UnconfirmedWriteRequest>\(expectedBody)</UnconfirmedWriteRequest>")))
        #expect(unconfirmed.apduType == "unconfirmed-write-request")
        let json = write.jsonFields(context)
        #expect(SNCipheredJSON.at(json, "variables.0.variableNameHex") == .text("FA10"))
        #expect(SNCipheredJSON.at(json, "data.0.value") == .integer(5))

        let response = WriteResponse([.success, .dataAccessError(.objectUndefined), .blockNumber(7)])
        #expect(try SNCipheredXML.ours(response.guruxXML(context)) == (try SNCipheredXML.expected("""
        <WriteResponse Qty="03"><Success /><DataAccessError Value="UndefinedObject" /><BlockNumber Value="0007" /></WriteResponse>
        """)))
        let results = response.jsonFields(context)
        #expect(SNCipheredJSON.at(results, "results.0.choice") == .text("success"))
        #expect(SNCipheredJSON.at(results, "results.1.result") == .text("object-undefined"))
        #expect(SNCipheredJSON.at(results, "results.2.blockNumber") == .integer(7))
    }

    @Test func informationReportShowsItsTime() throws {
        let report = InformationReportRequest(
            currentTime: AXDROctetString(SNCipheredCase.hex("07E8030F050E000000FFC400")),
            variableAccessSpecifications: [.variableName(0xFA08), .variableName(0xFA10)],
            listOfData: [.longUnsigned(1500), .unsigned(1)]
        )
        let node = report.guruxXML(context)
        #expect(try SNCipheredXML.ours(node) == (try SNCipheredXML.expected("""
        <InformationReportRequest>
          <CurrentTime Value="07E8030F050E000000FFC400" />
          <ListOfVariableAccessSpecification Qty="02"><VariableName Value="FA08" /><VariableName Value="FA10" /></ListOfVariableAccessSpecification>
          <ListOfData Qty="02"><UInt16 Value="05DC" /><UInt8 Value="01" /></ListOfData>
        </InformationReportRequest>
        """)))
        // 14:00 at deviation -60 (UTC = local + deviation) is 15:00 UTC.
        #expect(SNCipheredXML.comments(node).contains { $0.contains("2024-03-15") })
        let json = report.jsonFields(context)
        #expect(SNCipheredJSON.at(json, "currentTime") == .bytes(SNCipheredCase.hex("07E8030F050E000000FFC400")))
        #expect(SNCipheredJSON.at(json, "currentTimeDecoded") != nil)

        let bare = InformationReportRequest(variableAccessSpecifications: [.variableName(1)], listOfData: [.nullData])
        #expect(try SNCipheredXML.ours(bare.guruxXML(context)) == (try SNCipheredXML.expected("""
        <InformationReportRequest>
          <ListOfVariableAccessSpecification Qty="01"><VariableName Value="0001" /></ListOfVariableAccessSpecification>
          <ListOfData Qty="01"><None /></ListOfData>
        </InformationReportRequest>
        """)))
        #expect(SNCipheredJSON.at(bare.jsonFields(context), "currentTime") == .null)
    }
}
