import DLMSCore

/// A block of a long SN read or write (Green Book, SN block transfer): the
/// shape of both Read-Data-Block-Access (a ReadRequest's
/// variable-access-specification [6]) and Data-Block-Result (a ReadResponse
/// result [2]):
///
/// ```
/// Read-Data-Block-Access ::= SEQUENCE        Data-Block-Result ::= SEQUENCE
/// {                                           {
///     last-block      BOOLEAN,                    last-block      BOOLEAN,
///     block-number    Unsigned16,                 block-number    Unsigned16,
///     raw-data        OCTET STRING                raw-data        OCTET STRING
/// }                                           }
/// ```
///
/// The raw-data of all blocks concatenated is the encoding of the whole
/// request or response contents.
public struct SNDataBlock: Sendable, Hashable {
    /// The last-block BOOLEAN as sent: 00 is false, anything else true
    /// (A-XDR writes 01; another byte is kept so that it is written back).
    public var lastBlockByte: UInt8
    public var blockNumber: UInt16
    public var rawData: AXDROctetString

    public init(lastBlock: Bool, blockNumber: UInt16, rawData: AXDROctetString) {
        lastBlockByte = lastBlock ? 1 : 0
        self.blockNumber = blockNumber
        self.rawData = rawData
    }

    public init(lastBlockByte: UInt8, blockNumber: UInt16, rawData: AXDROctetString) {
        self.lastBlockByte = lastBlockByte
        self.blockNumber = blockNumber
        self.rawData = rawData
    }

    public var lastBlock: Bool {
        get { lastBlockByte != 0 }
        set { lastBlockByte = newValue ? 1 : 0 }
    }

    /// Reads last-block, block-number and raw-data (the fields after the CHOICE tag).
    public init(from reader: inout ByteReader) throws(DecodingError) {
        let offset = reader.position
        guard reader.remainingCount >= 3, let last = reader.readUInt8(), let number = reader.readUInt16() else {
            throw DecodingError(
                "data block needs last-block (1) and block-number (2), \(reader.remainingCount) bytes present", at: offset
            )
        }
        lastBlockByte = last
        blockNumber = number
        rawData = try AXDROctetString(from: &reader, what: "raw-data")
    }

    public func encode(into bytes: inout [UInt8]) {
        bytes += [lastBlockByte, UInt8(truncatingIfNeeded: blockNumber >> 8), UInt8(truncatingIfNeeded: blockNumber)]
        rawData.encode(into: &bytes)
    }
}
