import DLMSCore

/// General-Block-Transfer (Green Book, tag E0): one block of an APDU that
/// is sent in blocks, or an acknowledgement (empty block data).
///
/// block-control: bit 7 last-block, bit 6 streaming, bits 5..0 the window
/// size; then block-number and block-number-ack (Unsigned16 each) and the
/// block data as an A-XDR octet string (the long length form is allowed and
/// kept, e.g. `82 000A`). The APDU is the concatenation of the block data in
/// block-number order (spec-notes §2); reassembly is the analysis' job.
public struct GeneralBlockTransfer: Sendable, Hashable {
    public static let tag: UInt8 = 0xE0

    public var blockControl: UInt8
    public var blockNumber: UInt16
    public var blockNumberAck: UInt16
    public var blockData: [UInt8]
    /// The form the block data's length was written in.
    public var blockDataLength: AXDRLengthForm

    public init(
        blockControl: UInt8, blockNumber: UInt16, blockNumberAck: UInt16, blockData: [UInt8],
        blockDataLength: AXDRLengthForm = .canonical
    ) {
        self.blockControl = blockControl
        self.blockNumber = blockNumber
        self.blockNumberAck = blockNumberAck
        self.blockData = blockData
        self.blockDataLength = blockDataLength
    }

    /// A block with the block-control bits given one by one; `window` is
    /// cut to its 6 bits.
    public init(
        lastBlock: Bool, streaming: Bool = false, window: UInt8 = 1, blockNumber: UInt16, blockNumberAck: UInt16,
        blockData: [UInt8], blockDataLength: AXDRLengthForm = .canonical
    ) {
        self.init(
            blockControl: (lastBlock ? 0x80 : 0) | (streaming ? 0x40 : 0) | (window & 0x3F),
            blockNumber: blockNumber, blockNumberAck: blockNumberAck, blockData: blockData,
            blockDataLength: blockDataLength
        )
    }

    /// Bit 7: this is the last block.
    public var lastBlock: Bool { blockControl & 0x80 != 0 }
    /// Bit 6: the sender streams blocks without waiting for acknowledgements.
    public var streaming: Bool { blockControl & 0x40 != 0 }
    /// Bits 5..0: the window size the sender can receive.
    public var window: UInt8 { blockControl & 0x3F }

    /// Reads a whole General-Block-Transfer, tag included.
    public init(from reader: inout ByteReader, notes: inout DecodingNotes) throws(DecodingError) {
        try LNServiceFields.tag(Self.tag, of: "general-block-transfer", from: &reader)
        blockControl = try LNServiceFields.uint8("block-control", from: &reader)
        blockNumber = try LNServiceFields.uint16("block-number", from: &reader)
        blockNumberAck = try LNServiceFields.uint16("block-number-ack", from: &reader)
        (blockData, blockDataLength) = try LNServiceFields.octetString("block-data", from: &reader)
    }

    /// Writes the whole General-Block-Transfer, tag included.
    public func encode(into bytes: inout [UInt8]) {
        bytes += [Self.tag, blockControl]
        LNServiceFields.append(blockNumber, to: &bytes)
        LNServiceFields.append(blockNumberAck, to: &bytes)
        LNServiceFields.appendOctetString(blockData, length: blockDataLength, to: &bytes)
    }

    /// The encoded APDU.
    public var encoded: [UInt8] {
        var bytes = [UInt8]()
        encode(into: &bytes)
        return bytes
    }
}
