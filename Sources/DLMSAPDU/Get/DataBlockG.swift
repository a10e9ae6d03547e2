import DLMSCore

/// DataBlock-G (Green Book): one block of a GET answered in blocks
/// (GET-Response-With-Datablock). `last-block` says whether more follow;
/// the result is the block's raw data or a data-access-result that ends
/// the transfer.
///
/// The raw data of all blocks, concatenated in block-number order, is the
/// A-XDR encoding of one Data value (spec-notes §2; reassembly is the
/// analysis' job): a single block's raw data is usually only part of it.
public struct DataBlockG: Sendable, Hashable {
    public var lastBlock: Bool
    public var blockNumber: UInt32
    public var result: Result

    public enum Result: Sendable, Hashable {
        /// `raw-data [0] IMPLICIT OCTET STRING`; `length` is the form its length was written in.
        case rawData([UInt8], length: AXDRLengthForm = .canonical)
        /// `data-access-result [1] IMPLICIT Data-Access-Result`.
        case dataAccessResult(DataAccessResult)
    }

    public init(lastBlock: Bool, blockNumber: UInt32, result: Result) {
        self.lastBlock = lastBlock
        self.blockNumber = blockNumber
        self.result = result
    }

    public init(from reader: inout ByteReader, notes: inout DecodingNotes) throws(DecodingError) {
        lastBlock = try LNServiceFields.boolean("last-block", from: &reader, notes: &notes)
        blockNumber = try LNServiceFields.uint32("block-number", from: &reader)
        let choice = try LNServiceFields.choice(
            "DataBlock-G result", in: 0...1, alternatives: "0 raw-data, 1 data-access-result", from: &reader
        )
        if choice == 0 {
            let (bytes, length) = try LNServiceFields.octetString("raw-data", from: &reader)
            result = .rawData(bytes, length: length)
        } else {
            result = .dataAccessResult(DataAccessResult(rawValue: try LNServiceFields.uint8("data-access-result", from: &reader)))
        }
    }

    public func encode(into bytes: inout [UInt8]) {
        LNServiceFields.appendBoolean(lastBlock, to: &bytes)
        LNServiceFields.append(blockNumber, to: &bytes)
        switch result {
        case let .rawData(data, length):
            bytes.append(0)
            LNServiceFields.appendOctetString(data, length: length, to: &bytes)
        case let .dataAccessResult(value):
            bytes += [1, value.rawValue]
        }
    }

    /// The raw data, or nil for a data-access-result.
    public var rawData: [UInt8]? {
        if case let .rawData(bytes, _) = result { return bytes }
        return nil
    }
}
