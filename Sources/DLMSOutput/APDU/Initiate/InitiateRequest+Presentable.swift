import DLMSAPDU
import DLMSCore

/// InitiateRequest in JSON and in the Gurux vocabulary:
///
/// ```
/// <InitiateRequest>
///   <ProposedDlmsVersionNumber Value="06" />
///   <ProposedConformance><ConformanceBit Name="GeneralProtection" />...</ProposedConformance>
///   <ProposedMaxPduSize Value="FFFF" />
/// </InitiateRequest>
/// ```
/// Where Gurux is wrong: it prints the response-allowed component as
/// `ProposedQualityOfService` (with the boolean as its value) and then fails
/// on a real proposed-quality-of-service. dlmscope prints, by the standard,
/// `<ResponseAllowed Value="False" />` when response-allowed is sent and
/// `<ProposedQualityOfService Value="05" />` for the QoS. The dedicated key
/// is a secret: without `showSecrets` only its length is shown.
extension InitiateRequest: APDUPresentable {
    public var apduType: String { "initiate-request" }
    public var variant: String? { nil }

    public func jsonFields(_ context: PresentationContext) -> [Field] {
        var fields: [Field] = []
        if let dedicatedKey {
            fields.append(.integer("dedicatedKeyLength", dedicatedKey.count))
            fields.append(context.showSecrets ? .bytes("dedicatedKey", dedicatedKey) : .boolean("dedicatedKeyHidden", true))
        }
        fields.append(.boolean("responseAllowed", isResponseAllowed))
        if let proposedQualityOfService { fields.append(.integer("proposedQualityOfService", proposedQualityOfService)) }
        fields.append(.integer("proposedDlmsVersion", proposedDLMSVersion))
        fields += proposedConformance.jsonFields("proposedConformance")
        fields.append(.integer("clientMaxReceivePduSize", clientMaxReceivePDUSize))
        return fields
    }

    public func guruxXML(_ context: PresentationContext) -> XMLNode {
        var children: [XMLNode] = []
        if let dedicatedKey {
            if context.showSecrets {
                children.append(.value("DedicatedKey", Hex.encode(dedicatedKey)))
            } else {
                children.append(.comment("dedicated key hidden (\(dedicatedKey.count) bytes); secrets are shown only on request"))
                children.append(.element("DedicatedKey", attributes: [XMLAttribute("Length", "\(dedicatedKey.count)")], children: []))
            }
        }
        if let responseAllowed { children.append(.value("ResponseAllowed", responseAllowed ? "True" : "False")) }
        if let proposedQualityOfService {
            children.append(.value("ProposedQualityOfService", ACSEPresentation.hex(UInt8(bitPattern: proposedQualityOfService))))
        }
        children.append(.value("ProposedDlmsVersionNumber", ACSEPresentation.hex(proposedDLMSVersion)))
        children += proposedConformance.guruxXML("ProposedConformance")
        children.append(.comment("\(clientMaxReceivePDUSize) bytes"))
        children.append(.value("ProposedMaxPduSize", ACSEPresentation.hex(clientMaxReceivePDUSize, width: 4)))
        return .node("InitiateRequest", [], children)
    }
}
