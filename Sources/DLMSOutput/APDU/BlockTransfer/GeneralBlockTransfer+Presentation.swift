import DLMSAPDU
import DLMSCore

/// General-Block-Transfer in Gurux's vocabulary: `<BlockControl>`,
/// `<BlockNumber>`, `<BlockNumberAck>`, `<BlockData>` in hex (reference case
/// 33, printed without comments; with comments on Gurux raises, case 32).
/// dlmscope comments the block-control bits and what the block data begins
/// with; it does not decode the block data, which is part of an APDU that
/// the analysis reassembles.
extension GeneralBlockTransfer: APDUPresentable {
    public var apduType: String { "general-block-transfer" }
    public var variant: String? { nil }

    public func jsonFields(_ context: PresentationContext) -> [Field] {
        [
            .integer("blockControl", blockControl),
            .boolean("lastBlock", lastBlock),
            .boolean("streaming", streaming),
            .integer("window", window),
            .integer("blockNumber", blockNumber),
            .integer("blockNumberAck", blockNumberAck),
            .bytes("blockData", blockData),
            .integer("blockDataLength", blockData.count),
        ]
    }

    public func guruxXML(_ context: PresentationContext) -> XMLNode {
        let control = (lastBlock ? "last block" : "not the last block") + ", "
            + (streaming ? "streaming" : "not streaming") + ", window \(window)"
        return .node("GeneralBlockTransfer", [], [
            .comment(control),
            .value("BlockControl", LNServiceXML.hex(blockControl)),
            .value("BlockNumber", LNServiceXML.hex(blockNumber)),
            .value("BlockNumberAck", LNServiceXML.hex(blockNumberAck)),
            .comment(blockDataSummary),
            .value("BlockData", Hex.encode(blockData)),
        ])
    }

    /// "21 bytes, beginning with a get-response (C4)"; "no block data (an acknowledgement)".
    private var blockDataSummary: String {
        guard let first = blockData.first else { return "no block data (an acknowledgement)" }
        var text = "\(blockData.count) bytes"
        if blockNumber == 1, let name = APDUTag.name(first) {
            text += ", beginning with a \(name) (\(Hex.encode([first])))"
        }
        return text
    }
}
