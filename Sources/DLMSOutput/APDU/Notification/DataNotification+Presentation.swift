import DLMSAPDU
import DLMSCore

/// Data-Notification in Gurux's vocabulary: `<LongInvokeIdAndPriority>`,
/// `<DateTime>` (empty `Value` when absent), `<NotificationBody>` with the
/// `<DataValue>`. The date-time is decoded in a comment (RFC 3339 when fully
/// specified), the long invoke-id's bits are spelled out in a comment, and
/// the body's values carry dlmscope's usual annotations (OBIS codes, dates,
/// `{scaler, unit}` siblings).
///
/// For the `09 0C` date-time quirk (Gurux raises "Invalid data type") the
/// `<DateTime>` holds the 12 bytes and its comment names the quirk.
extension DataNotification: APDUJSONWriting {
    public var apduType: String { "data-notification" }
    public var variant: String? { nil }

    public func jsonFields(_ context: PresentationContext) -> [Field] {
        FieldTreeBuilder.build { writeJSONMembers(context, to: &$0) }
    }

    func writeJSONMembers<S: FieldSink>(_ context: PresentationContext, to sink: inout S) {
        LNServiceJSON.longInvokeIdAndPriority(longInvokeIdAndPriority, &sink)
        LNServiceJSON.dateTime(LNServiceJSON.dateTimeKeys, dateTime, &sink)
        if dateTimeEncoding == .dataOctetString { sink.boolean("dateTimeQuirk", true) }
        sink.data("body", body, context.valueContext(for: nil))
    }

    public func guruxXML(_ context: PresentationContext) -> XMLNode {
        var children = LNServiceXML.longInvokeIdAndPriority(longInvokeIdAndPriority)
        let quirk = dateTimeEncoding == .dataOctetString
            ? "written as a Data octet-string (09 0C ...), a known HAN meter quirk" : nil
        children += LNServiceXML.dateTime("DateTime", dateTime, note: quirk)
        children.append(.node("NotificationBody", [], [.node("DataValue", [], body.guruxXML())]))
        return .node("DataNotification", [], children)
    }
}
