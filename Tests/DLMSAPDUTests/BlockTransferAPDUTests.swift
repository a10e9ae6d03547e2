import DLMSAPDU
import DLMSCore
import DLMSTestSupport
import Testing

/// General-Block-Transfer: the vectors (e01-e03), the Gurux reference input
/// (32/33), the GBT blocks of the L+G push captures, hostile inputs.
@Suite struct BlockTransferAPDUTests {
    @Test func vectorE01LongFormLengthIsKept() throws {
        let bytes = try LNTest.vectorHex("e01")
        let block = try LNTest.decodeExactly(GeneralBlockTransfer.self, bytes)
        // e01: block-control 05 (not last, not streaming, window 5), block 1, ack 0, 10 bytes in long form 82 000A.
        #expect(!block.lastBlock && !block.streaming && block.window == 5)
        #expect(block.blockNumber == 1 && block.blockNumberAck == 0)
        #expect(block.blockData.count == 10 && block.blockDataLength == .long(byteCount: 2))
        // Written canonically the length would be one byte: the form is what keeps the round trip exact.
        var canonical = block
        canonical.blockDataLength = .canonical
        #expect(LNTest.encoded(canonical).count == bytes.count - 2)
    }

    @Test func vectorE02StreamingExchange() throws {
        let inputs = try #require(try DataVectors.vector("e02")["inputs"] as? [String: Any])
        let server = try #require(inputs["server_blocks"] as? [String]).map { try LNTest.hex($0) }
        let blocks = try server.map { try LNTest.decodeExactly(GeneralBlockTransfer.self, $0) }
        #expect(blocks.map(\.blockNumber) == Array(1...9))
        #expect(blocks.map(\.streaming) == [false, true, true, true, true, false, true, true, false])
        #expect(blocks.map(\.lastBlock) == [false, false, false, false, false, false, false, false, true])
        #expect(blocks.allSatisfy { $0.window == 5 })
        let expected = try #require(try DataVectors.expected(of: try DataVectors.vector("e02"))["reassembled_apdu"] as? String)
        #expect(blocks.flatMap(\.blockData) == (try LNTest.hex(expected)))
        // Client acknowledgements: last-block set, window 5, empty block data.
        let acks = try #require(inputs["client_acks"] as? [String]).map { try LNTest.hex($0) }
        let decoded = try acks.map { try LNTest.decodeExactly(GeneralBlockTransfer.self, $0) }
        #expect(decoded.map(\.blockNumberAck) == [1, 6])
        #expect(decoded.allSatisfy { $0.lastBlock && $0.blockData.isEmpty })
    }

    @Test func vectorE03LostBlockRequest() throws {
        let block = try LNTest.decodeExactly(GeneralBlockTransfer.self, try LNTest.vectorHex("e03", "client_request"))
        #expect(block.lastBlock && block.window == 1 && block.blockNumber == 2 && block.blockNumberAck == 3)
    }

    @Test func guruxCase33CarriesAWholeGetResponse() throws {
        let block = try LNTest.decodeExactly(GeneralBlockTransfer.self, try GuruxCase.apdu("33_general_block_transfer_last_no_comments"))
        #expect(block.blockControl == 0x80 && block.blockNumber == 1 && block.blockNumberAck == 0)
        let inner = try LNTest.decodeExactly(GetResponse.self, block.blockData)
        #expect(inner == .normal(.init(
            invokeIdAndPriority: InvokeIdAndPriority(rawValue: 0xC1),
            result: .data(.array((0...4).map { DLMSData.longUnsigned($0) }))
        )))
    }

    @Test func landisGyrPushBlocks() throws {
        // smartmeter-datacollector-scs: L+G E450/E570 pushes split into GBT blocks inside HDLC frames.
        var count = 0
        for file in [
            "lg_e450__unencrypted_valid_data.hex", "lg_e450__unencrypted_valid_data1.hex",
            "lg_e450__unencrypted_valid_data_cfg2026.hex", "lg_e570__encrypted_valid_data.hex",
            "lg_e570__unencrypted_valid_data_cfg2026.hex",
        ] {
            for line in try LNTest.hexLines("captures/smartmeter-datacollector-scs/" + file) {
                let payload = try LNTest.hdlcPayload(try LNTest.hex(line))
                let block = try LNTest.decodeExactly(GeneralBlockTransfer.self, payload)
                // SOURCE.md: `E0 40 0001 0000 <len> ...`, last block `E0 C0 ...`.
                #expect(block.blockControl == (block.lastBlock ? 0xC0 : 0x40))
                count += 1
            }
        }
        #expect(count > 10)
    }

    @Test func landisGyrE450MessageReassembles() throws {
        // The second message of lg_e450__unencrypted_valid_data.hex (the first is cut after block 2):
        // SOURCE.md: a data-notification from LGZ1030655933512, timestamp 2021-07-06 14:58:18 (the clock
        // value in the body; the notification's own date-time is two seconds earlier, 14:58:16).
        let blocks = try LNTest.hexLines("captures/smartmeter-datacollector-scs/lg_e450__unencrypted_valid_data.hex")
            .map { try LNTest.decodeExactly(GeneralBlockTransfer.self, try LNTest.hdlcPayload(try LNTest.hex($0))) }
        let start = try #require(blocks.lastIndex { $0.blockNumber == 1 })
        let message = Array(blocks[start...])
        #expect(message.last?.lastBlock == true && message.map(\.blockNumber) == Array(1...UInt16(message.count)))
        let notification = try LNTest.decodeExactly(DataNotification.self, message.flatMap(\.blockData))
        #expect(LNTest.civil(notification.cosemDateTime) == "2021-07-06 14:58:16")
        #expect(notification.body.elements?.contains { LNTest.civil($0.dateTimeValue) == "2021-07-06 14:58:18" } == true)
        #expect(notification.body.elements?.contains(.octetString(Array("LGZ1030655933512".utf8))) == true)
    }

    @Test func builtInCodeRoundTrips() throws {
        try LNTest.expectRoundTrip(GeneralBlockTransfer(lastBlock: true, streaming: false, window: 1, blockNumber: 1, blockNumberAck: 0, blockData: []))
        try LNTest.expectRoundTrip(GeneralBlockTransfer(
            lastBlock: false, streaming: true, window: 63, blockNumber: .max, blockNumberAck: .max,
            blockData: [UInt8](repeating: 7, count: 1000)
        ))
        let block = GeneralBlockTransfer(lastBlock: true, streaming: true, window: 0xFF, blockNumber: 2, blockNumberAck: 1, blockData: [1])
        #expect(block.blockControl == 0xFF && block.window == 0x3F)
    }

    @Test func hostileBlocks() throws {
        LNTest.expectEveryPrefixFails(GeneralBlockTransfer.self, try LNTest.vectorHex("e01"))
        LNTest.expectMutationsAreSafe(GeneralBlockTransfer.self, try LNTest.vectorHex("e01"))
        LNTest.expectFailure(GeneralBlockTransfer.self, try LNTest.hex("E08000010000840000FFFF00"), at: 6)
        LNTest.expectFailure(GeneralBlockTransfer.self, try LNTest.hex("E080000100008000"), at: 6)  // indefinite length
        LNTest.expectFailure(GeneralBlockTransfer.self, try LNTest.hex("C4800001"), at: 0)
    }
}
