import DLMSCore

/// WriteResponse (0x0D), the answer to an SN write (Green Book):
///
/// ```
/// writeResponse [13] IMPLICIT WriteResponse,
/// WriteResponse ::= SEQUENCE OF CHOICE
/// {
///     success             [0] IMPLICIT NULL,
///     data-access-error   [1] IMPLICIT Data-Access-Result,
///     block-number        [2] Unsigned16
/// }
/// ```
///
/// One result per written variable; block-number acknowledges a block of a
/// long write (write-data-block-access).
public struct WriteResponse: Sendable, Hashable {
    public static let tag: UInt8 = 0x0D

    public enum Result: Sendable, Hashable {
        case success
        case dataAccessError(DataAccessResult)
        case blockNumber(UInt16)

        /// The CHOICE tag (0...2).
        public var choiceTag: UInt8 {
            switch self {
            case .success: 0
            case .dataAccessError: 1
            case .blockNumber: 2
            }
        }

        /// The alternative's ASN.1 name in kebab case.
        public var choiceName: String {
            switch self {
            case .success: "success"
            case .dataAccessError: "data-access-error"
            case .blockNumber: "block-number"
            }
        }

        public init(from reader: inout ByteReader) throws(DecodingError) {
            let offset = reader.position
            guard let choice = reader.readUInt8() else {
                throw DecodingError("data ends where a write-response result was expected", at: offset)
            }
            switch choice {
            case 0:
                self = .success
            case 1:
                guard let result = reader.readUInt8() else {
                    throw DecodingError("data-access-error needs its result byte", at: reader.position)
                }
                self = .dataAccessError(DataAccessResult(rawValue: result))
            case 2:
                let numberOffset = reader.position
                guard let number = reader.readUInt16() else {
                    throw DecodingError("block-number needs 2 bytes, \(reader.remainingCount) present", at: numberOffset)
                }
                self = .blockNumber(number)
            default:
                throw DecodingError(
                    "write-response result choice \(choice) is none of success (0), data-access-error (1), block-number (2)",
                    at: offset
                )
            }
        }

        public func encode(into bytes: inout [UInt8]) {
            bytes.append(choiceTag)
            switch self {
            case .success: break
            case let .dataAccessError(result): bytes.append(result.rawValue)
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
        try SNSequenceOf.readTag(Self.tag, name: "write-response", from: &reader)
        (results, countForm) = try SNSequenceOf.decode(from: &reader, what: "write-response result list") {
            (reader: inout ByteReader) throws(DecodingError) in try Result(from: &reader)
        }
    }

    public func encode(into bytes: inout [UInt8]) {
        bytes.append(Self.tag)
        AXDRLength.append(results.count, form: countForm, to: &bytes)
        for result in results { result.encode(into: &bytes) }
    }
}
