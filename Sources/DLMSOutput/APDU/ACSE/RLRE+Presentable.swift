import DLMSAPDU
import DLMSCore

/// RLRE in JSON and in the Gurux vocabulary (case 08):
/// `<ReleaseResponse><Reason Value="Normal" />...</ReleaseResponse>`, reasons
/// `Normal`, `NotFinished`, `UserDefined` (others, on which Gurux raises, as two
/// hex digits), then the user-information's APDU element.
///
/// JSON: `{"type": "rlre", "reason": "normal", "reasonCode": 0, "userInformation": {...}}`.
extension RLRE: APDUPresentable {
    public var apduType: String { "rlre" }
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
        return .node("ReleaseResponse", [], ACSEPresentation.ordered(tags: writtenElementTags, known: known, others: otherElements))
    }
}
