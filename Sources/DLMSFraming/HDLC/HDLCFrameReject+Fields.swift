import DLMSCore

extension HDLCFrameReject {
    /// `rejectedControl`, `vs`, `vr` and `reason` (the W/X/Y/Z bits that are set).
    var fields: [Field] {
        [
            .bytes("rejectedControl", [rejectedControl]),
            .integer("vs", sendState),
            .integer("vr", receiveState),
            Field("reason", .list(reasons.map { .text($0.rawValue) })),
        ]
    }
}
