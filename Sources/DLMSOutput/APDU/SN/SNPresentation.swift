import DLMSAPDU
import DLMSCore

/// Pieces the SN services share in JSON and XML.
enum SNPresentation {
    /// Gurux's simple-XML names for Data-Access-Result values (its
    /// `errorCodeToString`, as in `<DataAccessError Value="UndefinedObject" />`,
    /// reference case 16). Gurux raises on a value it does not know;
    /// dlmscope prints the byte in hex (as the LN services do).
    static func guruxName(_ result: DataAccessResult) -> String {
        guruxNames[result.rawValue] ?? hex(result.rawValue)
    }

    /// `<DataAccessError Value="ReadWriteDenied" />` after a comment with the Green Book name.
    static func dataAccessError(_ result: DataAccessResult) -> [XMLNode] {
        [.comment("\(result) (\(result.rawValue))"), .value("DataAccessError", guruxName(result))]
    }

    private static let guruxNames: [UInt8: String] = [
        0: "Success", 1: "HardwareFault", 2: "TemporaryFailure", 3: "ReadWriteDenied", 4: "UndefinedObject",
        9: "InconsistentClass", 11: "UnavailableObject", 12: "UnmatchedType", 13: "AccessViolated",
        14: "DataBlockUnavailable", 15: "LongGetOrReadAborted", 16: "NoLongGetOrReadInProgress",
        17: "LongSetOrWriteAborted", 18: "NoLongSetOrWriteInProgress", 19: "DataBlockNumberInvalid",
        250: "OtherReason",
    ]

    /// `"result": "read-write-denied", "resultCode": 3`.
    static func resultFields(_ result: DataAccessResult) -> [Field] {
        [.text("result", result.description), .integer("resultCode", result.rawValue)]
    }

    /// Two digits for a byte, four for a 16-bit number, as Gurux writes them.
    static func hex(_ value: UInt8) -> String { Hex.encode([value]) }
    static func hex(_ value: UInt16) -> String { Hex.encode([UInt8(truncatingIfNeeded: value >> 8), UInt8(truncatingIfNeeded: value)]) }

    /// `<LastBlock Value="01" /><BlockNumber Value="0001" /><RawData Value="..." />`.
    static func blockElements(_ block: SNDataBlock) -> [XMLNode] {
        [
            .value("LastBlock", hex(block.lastBlockByte)),
            .value("BlockNumber", hex(block.blockNumber)),
            .value("RawData", Hex.encode(block.rawData.bytes)),
        ]
    }

    /// `"lastBlock", "blockNumber", "rawData"`.
    static func blockFields(_ block: SNDataBlock) -> [Field] {
        [.boolean("lastBlock", block.lastBlock), .integer("blockNumber", block.blockNumber),
         .bytes("rawData", block.rawData.bytes)]
    }

    /// The values of a list-of-data, each one's element(s) in turn (no wrapper per value).
    static func dataElements(_ values: [DLMSData]) -> [XMLNode] {
        values.flatMap { $0.guruxXML() }
    }
}
