import DLMSCore

/// ReadResponse (0x0C), the SN-referencing read's answer (Green Book):
///
/// ```
/// readResponse [12] IMPLICIT ReadResponse,
/// ReadResponse ::= SEQUENCE OF CHOICE
/// {
///     data                [0] Data,
///     data-access-error   [1] IMPLICIT Data-Access-Result,
///     data-block-result   [2] IMPLICIT Data-Block-Result,
///     block-number        [3] IMPLICIT Unsigned16
/// }
/// ```
///
/// One result per variable-access-specification of the request, in order.
/// A data-block-result carries one block of a long response (`SNDataBlock`);
/// block-number acknowledges a block of a long read-data-block-access request.
public struct ReadResponse: Sendable, Hashable {
    public static let tag: UInt8 = 0x0C

    public enum Result: Sendable, Hashable {
        case data(DLMSData)
        case dataAccessError(DataAccessResult)
        case dataBlockResult(SNDataBlock)
        case blockNumber(UInt16)

        /// The CHOICE tag (0...3).
        public var choiceTag: UInt8 {
            switch self {
            case .data: 0
            case .dataAccessError: 1
            case .dataBlockResult: 2
            case .blockNumber: 3
            }
        }

        /// The alternative's ASN.1 name in kebab case ("data-access-error").
        public var choiceName: String {
            switch self {
            case .data: "data"
            case .dataAccessError: "data-access-error"
            case .dataBlockResult: "data-block-result"
            case .blockNumber: "block-number"
            }
        }

        public init(from reader: inout ByteReader) throws(DecodingError) {
            let offset = reader.position
            guard let choice = reader.readUInt8() else {
                throw DecodingError("data ends where a read-response result was expected", at: offset)
            }
            switch choice {
            case 0:
                self = .data(try DLMSData.decode(from: &reader))
            case 1:
                guard let result = reader.readUInt8() else {
                    throw DecodingError("data-access-error needs its result byte", at: reader.position)
                }
                self = .dataAccessError(DataAccessResult(rawValue: result))
            case 2:
                self = .dataBlockResult(try SNDataBlock(from: &reader))
            case 3:
                let numberOffset = reader.position
                guard let number = reader.readUInt16() else {
                    throw DecodingError("block-number needs 2 bytes, \(reader.remainingCount) present", at: numberOffset)
                }
                self = .blockNumber(number)
            default:
                throw DecodingError(
                    "read-response result choice \(choice) is none of data (0), data-access-error (1), "
                        + "data-block-result (2), block-number (3)",
                    at: offset
                )
            }
        }

        public func encode(into bytes: inout [UInt8]) {
            bytes.append(choiceTag)
            switch self {
            case let .data(value): value.encode(into: &bytes)
            case let .dataAccessError(result): bytes.append(result.rawValue)
            case let .dataBlockResult(block): block.encode(into: &bytes)
            case let .blockNumber(number): bytes += [UInt8(truncatingIfNeeded: number >> 8), UInt8(truncatingIfNeeded: number)]
            }
        }
    }

    public var results: [Result]
    /// How the element count was written.
    public var countForm: AXDRLengthForm

    public init(_ results: [Result], countForm: AXDRLengthForm = .canonical) {
        self.results = results
        self.countForm = countForm
    }

    public init(from reader: inout ByteReader, notes: inout DecodingNotes) throws(DecodingError) {
        try SNSequenceOf.readTag(Self.tag, name: "read-response", from: &reader)
        (results, countForm) = try SNSequenceOf.decode(from: &reader, what: "read-response result list") {
            (reader: inout ByteReader) throws(DecodingError) in try Result(from: &reader)
        }
    }

    public func encode(into bytes: inout [UInt8]) {
        bytes.append(Self.tag)
        AXDRLength.append(results.count, form: countForm, to: &bytes)
        for result in results { result.encode(into: &bytes) }
    }
}
