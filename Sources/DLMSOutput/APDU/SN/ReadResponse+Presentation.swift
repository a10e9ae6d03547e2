import DLMSAPDU
import DLMSCore

/// ReadResponse as Gurux prints it (reference case 35):
///
/// ```
/// <ReadResponse Qty="01" >
///   <Data> value </Data>
///   <DataAccessError Value="ReadWriteDenied" />
///   <DataBlockResult><LastBlock Value="00" /><BlockNumber Value="0001" /><RawData Value="..." /></DataBlockResult>
///   <BlockNumber Value="0002" />
/// </ReadResponse>
/// ```
///
/// Gurux prints nothing for a block-number result (it only counts it) and
/// stops after a data-block-result; dlmscope prints every result.
extension ReadResponse: APDUPresentable {
    public var apduType: String { "read-response" }
    public var variant: String? { nil }

    public func jsonFields(_ context: PresentationContext) -> [Field] {
        [Field("results", .list(results.map(Self.json)))]
    }

    static func json(_ result: Result) -> Field.Value {
        var fields: [Field] = [.text("choice", result.choiceName)]
        switch result {
        case let .data(value): fields.append(Field("data", value.json()))
        case let .dataAccessError(error): fields += SNPresentation.resultFields(error)
        case let .dataBlockResult(block): fields += SNPresentation.blockFields(block)
        case let .blockNumber(number): fields.append(.integer("blockNumber", number))
        }
        return .fields(fields)
    }

    public func guruxXML(_ context: PresentationContext) -> XMLNode {
        .node("ReadResponse", [XMLNode.quantity(results.count)], results.flatMap(Self.guruxXML))
    }

    static func guruxXML(_ result: Result) -> [XMLNode] {
        switch result {
        case let .data(value):
            [.node("Data", [], value.guruxXML())]
        case let .dataAccessError(error):
            SNPresentation.dataAccessError(error)
        case let .dataBlockResult(block):
            [.node("DataBlockResult", [], SNPresentation.blockElements(block))]
        case let .blockNumber(number):
            [.value("BlockNumber", SNPresentation.hex(number))]
        }
    }
}
