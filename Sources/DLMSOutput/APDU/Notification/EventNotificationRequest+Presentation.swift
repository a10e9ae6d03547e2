import DLMSAPDU
import DLMSCore

/// EventNotificationRequest in Gurux's vocabulary: `<Time>` (when present),
/// `<AttributeDescriptor>`, `<AttributeValue>`; the value is annotated as a
/// value of the attribute it reports.
///
/// Deviation from Gurux: when the time is absent (presence flag 00), Gurux
/// does not consume the flag and misreads the descriptor; dlmscope reads it
/// as the Green Book says and prints no `<Time>`.
extension EventNotificationRequest: APDUPresentable {
    public var apduType: String { "event-notification-request" }
    public var variant: String? { nil }

    public func jsonFields(_ context: PresentationContext) -> [Field] {
        var fields: [Field] = []
        if let time { fields += LNServiceJSON.dateTime(LNServiceJSON.timeKeys, time) }
        fields.append(Field("attribute", LNServiceJSON.attribute(attribute)))
        fields.append(Field("value", value.json(context.valueContext(for: attribute))))
        return fields
    }

    public func guruxXML(_ context: PresentationContext) -> XMLNode {
        var children: [XMLNode] = []
        if let time { children += LNServiceXML.dateTime("Time", time) }
        children.append(LNServiceXML.attributeDescriptor(attribute))
        children.append(.node("AttributeValue", [], value.guruxXML(context.valueContext(for: attribute))))
        return .node("EventNotificationRequest", [], children)
    }
}
