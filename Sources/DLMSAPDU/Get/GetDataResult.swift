import DLMSCore

/// Get-Data-Result (Green Book): `data [0] Data` or `data-access-result [1]
/// Data-Access-Result`, the answer for one attribute in GET-Response-Normal
/// and -With-List, and the return parameters of ACTION-Response.
public enum GetDataResult: Sendable, Hashable {
    case data(DLMSData)
    case dataAccessResult(DataAccessResult)

    /// Encoded size of the smallest result: choice and one byte.
    static let minimumSize = 2

    public init(from reader: inout ByteReader) throws(DecodingError) {
        let choice = try LNServiceFields.choice(
            "Get-Data-Result", in: 0...1, alternatives: "0 data, 1 data-access-result", from: &reader
        )
        if choice == 0 {
            self = .data(try LNServiceFields.data("result data", from: &reader))
        } else {
            self = .dataAccessResult(DataAccessResult(rawValue: try LNServiceFields.uint8("data-access-result", from: &reader)))
        }
    }

    public func encode(into bytes: inout [UInt8]) {
        switch self {
        case .data(let value):
            bytes.append(0)
            value.encode(into: &bytes)
        case .dataAccessResult(let result):
            bytes += [1, result.rawValue]
        }
    }

    /// The data, or nil for a data-access-result.
    public var data: DLMSData? {
        if case .data(let value) = self { return value }
        return nil
    }
}
