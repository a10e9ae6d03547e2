import DLMSAPDU
import DLMSCore

extension APDU {
    /// The JSON `apdu` members `type`, `variant` and the presenter's own.
    /// The APDUs common in real traffic write through the sink; the others
    /// give their `Field` tree.
    func writeJSONMembers<S: FieldSink>(_ context: PresentationContext, to sink: inout S) {
        switch self {
        case let .getRequest(apdu): Self.write(apdu, context, &sink)
        case let .getResponse(apdu): Self.write(apdu, context, &sink)
        case let .dataNotification(apdu): Self.write(apdu, context, &sink)
        case let .setRequest(apdu): Self.write(apdu, context, &sink)
        case let .setResponse(apdu): Self.write(apdu, context, &sink)
        case let .actionRequest(apdu): Self.write(apdu, context, &sink)
        case let .actionResponse(apdu): Self.write(apdu, context, &sink)
        default:
            let apdu = presentable
            sink.text("type", apdu.apduType)
            if let variant = apdu.variant { sink.text("variant", variant) }
            for field in apdu.jsonFields(context) { sink.field(field) }
        }
    }

    private static func write<P: APDUJSONWriting, S: FieldSink>(_ apdu: P, _ context: PresentationContext, _ sink: inout S) {
        sink.text("type", apdu.apduType)
        if let variant = apdu.variant { sink.text("variant", variant) }
        apdu.writeJSONMembers(context, to: &sink)
    }
}
