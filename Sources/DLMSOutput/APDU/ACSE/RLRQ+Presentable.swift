import DLMSAPDU
import DLMSCore

/// RLRQ in JSON and in the Gurux vocabulary (case 07):
/// `<ReleaseRequest><Reason Value="Normal" />...</ReleaseRequest>`, reasons
/// `Normal`, `Urgent`, `UserDefined` (others, on which Gurux raises, as two
/// hex digits), then the user-information's APDU element.
///
/// JSON: `{"type": "rlrq", "reason": "normal", "reasonCode": 0, "userInformation": {...}}`.
extension RLRQ: APDUPresentable {
    public var apduType: String { "rlrq" }
    public var variant: String? { nil }

    public func jsonFields(_ context: PresentationContext) -> [Field] {
        var fields: [Field] = []
        if let reason {
            if let name = reason.name { fields.append(.text("reason", name)) }
            fields.append(.integer("reasonCode", reason.rawValue))
        }
        fields += ACSEPresentation.userInformationField(userInformation, context)
        fields += ACSEPresentation.otherElementsField(otherElements)
        return fields
    }

    public func guruxXML(_ context: PresentationContext) -> XMLNode {
        var known: [[UInt8]: [XMLNode]] = [:]
        known[[0x80]] = reason.map {
            [.value("Reason", $0.name.map(ACSEPresentation.pascalCase) ?? ACSEPresentation.hex($0.rawValue))]
        }
        known[[0xBE]] = userInformation.map { $0.guruxXML(context) }
        return .node("ReleaseRequest", [], ACSEPresentation.ordered(tags: writtenElementTags, known: known, others: otherElements))
    }
}
