import DLMSAPDU
import DLMSCore

/// InitiateResponse in JSON and in the Gurux vocabulary:
///
/// ```
/// <InitiateResponse>
///   <NegotiatedQualityOfService Value="00" />        (when sent)
///   <NegotiatedDlmsVersionNumber Value="06" />
///   <NegotiatedConformance><ConformanceBit Name="Get" />...</NegotiatedConformance>
///   <NegotiatedMaxPduSize Value="01F4" />
///   <VaaName Value="0007" />
/// </InitiateResponse>
/// ```
/// Where Gurux is wrong: it reads the quality-of-service value as a length
/// and skips that many bytes (h03, QoS 0x12, fails), and inside an RLRE it
/// opens the block as `ProposedConformance` but closes it as
/// `NegotiatedConformance`. dlmscope prints the QoS value and
/// `NegotiatedConformance` throughout. JSON gives vaa-name as its two bytes
/// in hex ("0007" LN, "FA00" SN), as it is usually quoted.
extension InitiateResponse: APDUPresentable {
    public var apduType: String { "initiate-response" }
    public var variant: String? { nil }

    public func jsonFields(_ context: PresentationContext) -> [Field] {
        var fields: [Field] = []
        if let negotiatedQualityOfService { fields.append(.integer("negotiatedQualityOfService", negotiatedQualityOfService)) }
        fields.append(.integer("negotiatedDlmsVersion", negotiatedDLMSVersion))
        fields += negotiatedConformance.jsonFields("negotiatedConformance")
        fields.append(.integer("serverMaxReceivePduSize", serverMaxReceivePDUSize))
        fields.append(.bytes("vaaName", [UInt8(truncatingIfNeeded: vaaName >> 8), UInt8(truncatingIfNeeded: vaaName)]))
        return fields
    }

    public func guruxXML(_ context: PresentationContext) -> XMLNode {
        var children: [XMLNode] = []
        if let negotiatedQualityOfService {
            children.append(.value("NegotiatedQualityOfService", ACSEPresentation.hex(UInt8(bitPattern: negotiatedQualityOfService))))
        }
        children.append(.value("NegotiatedDlmsVersionNumber", ACSEPresentation.hex(negotiatedDLMSVersion)))
        children += negotiatedConformance.guruxXML("NegotiatedConformance")
        children.append(.comment("\(serverMaxReceivePDUSize) bytes"))
        children.append(.value("NegotiatedMaxPduSize", ACSEPresentation.hex(serverMaxReceivePDUSize, width: 4)))
        switch vaaName {
        case 0x0007: children.append(.comment("logical name referencing"))
        case 0xFA00: children.append(.comment("short name referencing, association object at FA00"))
        default: break
        }
        children.append(.value("VaaName", ACSEPresentation.hex(vaaName, width: 4)))
        return .node("InitiateResponse", [], children)
    }
}
