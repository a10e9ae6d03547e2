import DLMSCore

/// Variable-Access-Specification: how an SN service names what it reads or
/// writes (Green Book, xDLMS ASN.1; IEC 61334-4-41 with the DLMS/COSEM
/// additions):
///
/// ```
/// Variable-Access-Specification ::= CHOICE
/// {
///     variable-name               [2] IMPLICIT ObjectName,
///     -- detailed-access [3] is not used in DLMS/COSEM
///     parameterized-access        [4] IMPLICIT Parameterized-Access,
///     block-number-access         [5] IMPLICIT Block-Number-Access,
///     read-data-block-access      [6] IMPLICIT Read-Data-Block-Access,
///     write-data-block-access     [7] IMPLICIT Write-Data-Block-Access
/// }
/// ObjectName ::= Integer16
/// Parameterized-Access ::= SEQUENCE { variable-name ObjectName, selector Unsigned8, parameter Data }
/// Block-Number-Access ::= SEQUENCE { block-number Unsigned16 }
/// Write-Data-Block-Access ::= SEQUENCE { last-block BOOLEAN, block-number Unsigned16 }
/// ```
///
/// A variable name is a short name: the base name of an object plus
/// 8 × (attribute − 1), e.g. 0xFA08 is attribute 2 of the Association SN
/// object 0xFA00 (reference case 34). Short names are kept as the 16 bits
/// sent (ObjectName is formally signed; tools show it as 4 hex digits).
/// The selector and parameter of a parameterized access are those of
/// selective access (the meaning depends on the referenced attribute).
public enum VariableAccessSpecification: Sendable, Hashable {
    case variableName(UInt16)
    case parameterizedAccess(variableName: UInt16, selector: UInt8, parameter: DLMSData)
    case blockNumberAccess(blockNumber: UInt16)
    case readDataBlockAccess(SNDataBlock)
    /// The last-block BOOLEAN as sent (00 false, else true), and the block number.
    case writeDataBlockAccess(lastBlockByte: UInt8, blockNumber: UInt16)

    /// The CHOICE tag (2, 4, 5, 6 or 7).
    public var choiceTag: UInt8 {
        switch self {
        case .variableName: 2
        case .parameterizedAccess: 4
        case .blockNumberAccess: 5
        case .readDataBlockAccess: 6
        case .writeDataBlockAccess: 7
        }
    }

    /// The alternative's ASN.1 name in kebab case ("variable-name").
    public var choiceName: String {
        switch self {
        case .variableName: "variable-name"
        case .parameterizedAccess: "parameterized-access"
        case .blockNumberAccess: "block-number-access"
        case .readDataBlockAccess: "read-data-block-access"
        case .writeDataBlockAccess: "write-data-block-access"
        }
    }

    /// The short name this specification references, when it names one.
    public var variableName: UInt16? {
        switch self {
        case let .variableName(name), let .parameterizedAccess(name, _, _): name
        default: nil
        }
    }

    public init(from reader: inout ByteReader) throws(DecodingError) {
        let offset = reader.position
        guard let choice = reader.readUInt8() else {
            throw DecodingError("data ends where a variable-access-specification was expected", at: offset)
        }
        let bodyOffset = reader.position
        switch choice {
        case 2:
            guard let name = reader.readUInt16() else {
                throw DecodingError("variable-name needs 2 bytes, \(reader.remainingCount) present", at: bodyOffset)
            }
            self = .variableName(name)
        case 3:
            throw DecodingError("detailed-access [3] is not used in DLMS/COSEM and cannot be decoded", at: offset)
        case 4:
            guard reader.remainingCount >= 3, let name = reader.readUInt16(), let selector = reader.readUInt8() else {
                throw DecodingError(
                    "parameterized-access needs variable-name (2) and selector (1), \(reader.remainingCount) bytes present",
                    at: bodyOffset
                )
            }
            self = .parameterizedAccess(variableName: name, selector: selector, parameter: try DLMSData.decode(from: &reader))
        case 5:
            guard let number = reader.readUInt16() else {
                throw DecodingError("block-number-access needs 2 bytes, \(reader.remainingCount) present", at: bodyOffset)
            }
            self = .blockNumberAccess(blockNumber: number)
        case 6:
            self = .readDataBlockAccess(try SNDataBlock(from: &reader))
        case 7:
            guard reader.remainingCount >= 3, let last = reader.readUInt8(), let number = reader.readUInt16() else {
                throw DecodingError(
                    "write-data-block-access needs last-block (1) and block-number (2), \(reader.remainingCount) bytes present",
                    at: bodyOffset
                )
            }
            self = .writeDataBlockAccess(lastBlockByte: last, blockNumber: number)
        default:
            throw DecodingError(
                "variable-access-specification choice \(choice) is none of variable-name (2), parameterized-access (4), "
                    + "block-number-access (5), read-data-block-access (6), write-data-block-access (7)",
                at: offset
            )
        }
    }

    public func encode(into bytes: inout [UInt8]) {
        bytes.append(choiceTag)
        switch self {
        case let .variableName(name):
            bytes += [UInt8(truncatingIfNeeded: name >> 8), UInt8(truncatingIfNeeded: name)]
        case let .parameterizedAccess(name, selector, parameter):
            bytes += [UInt8(truncatingIfNeeded: name >> 8), UInt8(truncatingIfNeeded: name), selector]
            parameter.encode(into: &bytes)
        case let .blockNumberAccess(number):
            bytes += [UInt8(truncatingIfNeeded: number >> 8), UInt8(truncatingIfNeeded: number)]
        case let .readDataBlockAccess(block):
            block.encode(into: &bytes)
        case let .writeDataBlockAccess(last, number):
            bytes += [last, UInt8(truncatingIfNeeded: number >> 8), UInt8(truncatingIfNeeded: number)]
        }
    }
}
