import DLMSCore

/// Access-Response-Specification (Green Book, ACCESS service): the result of
/// one request of an Access-Request; a GET's value is the element at the
/// same index of the response's list of data.
public enum AccessResponseSpecification: Sendable, Hashable {
    /// `access-response-get [1]`.
    case get(DataAccessResult)
    /// `access-response-set [2]`.
    case set(DataAccessResult)
    /// `access-response-action [3]`.
    case action(ActionResult)

    /// Encoded size of a specification: choice and result.
    static let minimumSize = 2

    /// The CHOICE number (1 get, 2 set, 3 action).
    public var choice: UInt8 {
        switch self {
        case .get: 1
        case .set: 2
        case .action: 3
        }
    }

    /// The result byte.
    public var resultCode: UInt8 {
        switch self {
        case let .get(result), let .set(result): result.rawValue
        case let .action(result): result.rawValue
        }
    }

    public init(from reader: inout ByteReader) throws(DecodingError) {
        let choice = try LNServiceFields.choice(
            "Access-Response-Specification", in: 1...3, alternatives: "1 get, 2 set, 3 action", from: &reader
        )
        let result = try LNServiceFields.uint8("result", from: &reader)
        switch choice {
        case 1: self = .get(DataAccessResult(rawValue: result))
        case 2: self = .set(DataAccessResult(rawValue: result))
        default: self = .action(ActionResult(rawValue: result))
        }
    }

    public func encode(into bytes: inout [UInt8]) {
        bytes += [choice, resultCode]
    }
}
