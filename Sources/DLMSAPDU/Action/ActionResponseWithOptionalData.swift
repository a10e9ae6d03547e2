import DLMSCore

/// Action-Response-With-Optional-Data (Green Book): the result of one method
/// invocation and its OPTIONAL return parameters (a Get-Data-Result: data,
/// or a data-access-result).
public struct ActionResponseWithOptionalData: Sendable, Hashable {
    public var result: ActionResult
    public var returnParameters: GetDataResult?

    public init(result: ActionResult, returnParameters: GetDataResult? = nil) {
        self.result = result
        self.returnParameters = returnParameters
    }

    /// Encoded size of the smallest response: result and presence flag.
    static let minimumSize = 2

    public init(from reader: inout ByteReader) throws(DecodingError) {
        result = ActionResult(rawValue: try LNServiceFields.uint8("action-result", from: &reader))
        returnParameters = try LNServiceFields.isPresent("return-parameters", from: &reader)
            ? try GetDataResult(from: &reader) : nil
    }

    public func encode(into bytes: inout [UInt8]) {
        bytes.append(result.rawValue)
        if let returnParameters {
            bytes.append(1)
            returnParameters.encode(into: &bytes)
        } else {
            bytes.append(0)
        }
    }
}
