import DLMSAPDU
import DLMSCore
import DLMSOutput
import DLMSTestSupport
import Foundation
import Testing

/// General-Block-Transfer as XML (Gurux reference cases 32 and 33; the
/// oracle's output for e01 and e03) and JSON.
@Suite struct BlockTransferPresentationTests {
    @Test func case33EqualsGuruxAndCase32TheSame() throws {
        let apdu = try LNPresentation.decode(try LNPresentation.input("33_general_block_transfer_last_no_comments"))
        let gurux = try LNPresentation.gurux("33_general_block_transfer_last_no_comments")
        #expect(try LNPresentation.tree(apdu) == gurux)
        // Case 32 is the same APDU; Gurux raised with comments on. Ours is the element of case 33, with comments.
        let withComments = try LNPresentation.decode(try LNPresentation.input("32_general_block_transfer_last"))
        #expect(try LNPresentation.tree(withComments) == gurux)
        #expect(LNPresentation.comments(withComments) == [
            "last block, not streaming, window 0", "21 bytes, beginning with a get-response (C4)",
        ])
    }

    static let oracle: [(String, String)] = [
        ("E0050001000082000AC4024100000000010082", """
            <GeneralBlockTransfer><BlockControl Value="05" /><BlockNumber Value="0001" /><BlockNumberAck Value="0000" />\
            <BlockData Value="C4024100000000010082" /></GeneralBlockTransfer>
            """),
        ("E0810002000300", """
            <GeneralBlockTransfer><BlockControl Value="81" /><BlockNumber Value="0002" /><BlockNumberAck Value="0003" />\
            <BlockData Value="" /></GeneralBlockTransfer>
            """),
    ]

    @Test(arguments: oracle)
    func vectorsEqualTheOracle(input: String, xml: String) throws {
        #expect(try LNPresentation.tree(try LNPresentation.decode(try LNPresentation.hex(input))) == GuruxReference.tree(xml))
    }

    @Test func jsonShowsTheBlockControlBits() throws {
        let json = try LNPresentation.json(try LNPresentation.decode(try LNPresentation.hex("E0050001000082000AC4024100000000010082")))
        #expect(json["type"] as? String == "general-block-transfer" && json["variant"] == nil)
        #expect(json["blockControl"] as? Int == 5 && json["lastBlock"] as? Bool == false)
        #expect(json["streaming"] as? Bool == false && json["window"] as? Int == 5)
        #expect(json["blockNumber"] as? Int == 1 && json["blockNumberAck"] as? Int == 0)
        #expect(json["blockData"] as? String == "C4024100000000010082" && json["blockDataLength"] as? Int == 10)
        let streaming = try LNPresentation.json(try LNPresentation.decode(try LNPresentation.hex("e045000200018200020102")))
        #expect(streaming["streaming"] as? Bool == true && streaming["lastBlock"] as? Bool == false)
        let ack = try LNPresentation.decode(try LNPresentation.hex("E0810002000300"))
        #expect(LNPresentation.comments(ack).contains("no block data (an acknowledgement)"))
    }
}
