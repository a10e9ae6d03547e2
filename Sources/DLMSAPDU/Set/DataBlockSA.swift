import DLMSCore

/// DataBlock-SA (Green Book): one block of a SET-request, ACTION-request or
/// ACTION-response sent in blocks: last-block, block-number and the raw data
/// (part of the A-XDR encoding of the value or parameters).
public struct DataBlockSA: Sendable, Hashable {
    public var lastBlock: Bool
    public var blockNumber: UInt32
    public var rawData: [UInt8]
    /// The form the raw data's length was written in.
    public var rawDataLength: AXDRLengthForm

    public init(lastBlock: Bool, blockNumber: UInt32, rawData: [UInt8], rawDataLength: AXDRLengthForm = .canonical) {
        self.lastBlock = lastBlock
        self.blockNumber = blockNumber
        self.rawData = rawData
        self.rawDataLength = rawDataLength
    }

    /// Encoded size of the smallest block: last-block, block-number, empty raw data.
    static let minimumSize = 6

    public init(from reader: inout ByteReader, notes: inout DecodingNotes) throws(DecodingError) {
        lastBlock = try LNServiceFields.boolean("last-block", from: &reader, notes: &notes)
        blockNumber = try LNServiceFields.uint32("block-number", from: &reader)
        (rawData, rawDataLength) = try LNServiceFields.octetString("raw-data", from: &reader)
    }

    public func encode(into bytes: inout [UInt8]) {
        LNServiceFields.appendBoolean(lastBlock, to: &bytes)
        LNServiceFields.append(blockNumber, to: &bytes)
        LNServiceFields.appendOctetString(rawData, length: rawDataLength, to: &bytes)
    }
}
