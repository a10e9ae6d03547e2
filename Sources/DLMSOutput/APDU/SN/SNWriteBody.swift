import DLMSAPDU
import DLMSCore

/// The variable-access-specification list and list-of-data of the SN writes and reports.
enum SNWriteBody {
    static func jsonFields(_ specifications: [VariableAccessSpecification], _ values: [DLMSData]) -> [Field] {
        [
            Field("variables", .list(specifications.map { $0.json() })),
            Field("data", .list(values.map { $0.json() })),
        ]
    }

    static func guruxXML(_ specifications: [VariableAccessSpecification], _ values: [DLMSData]) -> [XMLNode] {
        [
            .node("ListOfVariableAccessSpecification", [XMLNode.quantity(specifications.count)],
                  specifications.map(\.guruxXML)),
            .node("ListOfData", [XMLNode.quantity(values.count)], SNPresentation.dataElements(values)),
        ]
    }
}
