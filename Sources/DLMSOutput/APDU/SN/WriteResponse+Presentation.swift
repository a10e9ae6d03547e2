import DLMSAPDU
import DLMSCore

/// WriteResponse as Gurux prints it:
/// `<WriteResponse Qty="02" ><Success /><DataAccessError Value="ReadWriteDenied" /></WriteResponse>`.
/// Gurux reads a block-number result as an error code; dlmscope prints
/// `<BlockNumber Value="0001" />`.
extension WriteResponse: APDUPresentable {
    public var apduType: String { "write-response" }
    public var variant: String? { nil }

    public func jsonFields(_ context: PresentationContext) -> [Field] {
        [Field("results", .list(results.map(Self.json)))]
    }

    static func json(_ result: Result) -> Field.Value {
        var fields: [Field] = [.text("choice", result.choiceName)]
        switch result {
        case .success: break
        case let .dataAccessError(error): fields += SNPresentation.resultFields(error)
        case let .blockNumber(number): fields.append(.integer("blockNumber", number))
        }
        return .fields(fields)
    }

    public func guruxXML(_ context: PresentationContext) -> XMLNode {
        .node("WriteResponse", [XMLNode.quantity(results.count)], results.flatMap { result -> [XMLNode] in
            switch result {
            case .success: [.node("Success")]
            case let .dataAccessError(error): SNPresentation.dataAccessError(error)
            case let .blockNumber(number): [.value("BlockNumber", SNPresentation.hex(number))]
            }
        })
    }
}
