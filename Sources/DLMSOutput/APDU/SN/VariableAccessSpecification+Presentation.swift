import DLMSAPDU
import DLMSCore

// Variable-Access-Specification in the Gurux vocabulary and in JSON.
extension VariableAccessSpecification {
    /// `{"access": "variable-name", "variableName": 64008, "variableNameHex": "FA08"}` and the
    /// fields of the other alternatives (`selector`, `parameter`, `blockNumber`, `lastBlock`, `rawData`).
    func json() -> Field.Value {
        var fields: [Field] = [.text("access", choiceName)]
        switch self {
        case let .variableName(name):
            fields += Self.nameFields(name)
        case let .parameterizedAccess(name, selector, parameter):
            fields += Self.nameFields(name)
            fields += [.integer("selector", selector), Field("parameter", parameter.json())]
        case let .blockNumberAccess(number):
            fields.append(.integer("blockNumber", number))
        case let .readDataBlockAccess(block):
            fields += SNPresentation.blockFields(block)
        case let .writeDataBlockAccess(last, number):
            fields += [.boolean("lastBlock", last != 0), .integer("blockNumber", number)]
        }
        return .fields(fields)
    }

    private static func nameFields(_ name: UInt16) -> [Field] {
        [.integer("variableName", name), .text("variableNameHex", SNPresentation.hex(name))]
    }

    /// The element Gurux prints for each alternative:
    /// - `<VariableName Value="FA08" />` (reference case 34);
    /// - `<ParameterisedAccess><VariableName/><Selector/><Parameter>data</Parameter></ParameterisedAccess>`
    ///   (Gurux's spelling);
    /// - `<BlockNumberAccess><BlockNumber Value="0002" /></BlockNumberAccess>`;
    /// - `<ReadDataBlockAccess><LastBlock/><BlockNumber/><RawData/></ReadDataBlockAccess>`: Gurux
    ///   leaves out the raw-data, which the ASN.1 has; dlmscope prints it;
    /// - `<WriteDataBlockAccess><LastBlock/><BlockNumber/></WriteDataBlockAccess>`.
    var guruxXML: XMLNode {
        switch self {
        case let .variableName(name):
            return .value("VariableName", SNPresentation.hex(name))
        case let .parameterizedAccess(name, selector, parameter):
            return .node("ParameterisedAccess", [], [
                .value("VariableName", SNPresentation.hex(name)),
                .value("Selector", SNPresentation.hex(selector)),
                .node("Parameter", [], parameter.guruxXML()),
            ])
        case let .blockNumberAccess(number):
            return .node("BlockNumberAccess", [], [.value("BlockNumber", SNPresentation.hex(number))])
        case let .readDataBlockAccess(block):
            return .node("ReadDataBlockAccess", [], SNPresentation.blockElements(block))
        case let .writeDataBlockAccess(last, number):
            return .node("WriteDataBlockAccess", [], [
                .value("LastBlock", SNPresentation.hex(last)), .value("BlockNumber", SNPresentation.hex(number)),
            ])
        }
    }
}
