import DLMSCore

extension HDLCFrame {
    /// The direction a frame states outright: by its LLC header (`E6 E6 00`
    /// command: client to server; `E6 E7 00` response: server to client) or by
    /// its type (SNRM and DISC are only sent by the client, UA, DM and FRMR
    /// only by the server, IEC 62056-46).
    public static func statedDirection(llc: LLCHeader?, type: HDLCFrameType?) -> Direction? {
        switch (llc, type) {
        case (.command?, _), (nil, .snrm?), (nil, .disc?): .clientToServer
        case (.response?, _), (nil, .ua?), (nil, .dm?), (nil, .frmr?): .serverToClient
        default: nil
        }
    }

    /// The direction the address sizes imply: a client address is one byte, so
    /// a 2- or 4-byte destination with a 1-byte source is client to server, and
    /// the reverse is server to client. Nil when both (or neither) are one byte.
    public var addressDirection: Direction? {
        let size = { (address: HDLCAddress?) in address.flatMap { $0.isValid ? $0.bytes.count : nil } }
        return switch (size(destination), size(source)) {
        case (2?, 1?), (4?, 1?): .clientToServer
        case (1?, 2?), (1?, 4?): .serverToClient
        default: nil
        }
    }

    /// The LLC header at the start of the information of an I- or UI-frame.
    public var llc: LLCHeader? {
        control?.type.carriesAPDU == true ? LLCHeader(information) : nil
    }

    /// This frame's direction on its own: what it states (LLC, frame type),
    /// else what its address sizes imply.
    public var direction: Direction? {
        Self.statedDirection(llc: llc, type: control?.type) ?? addressDirection
    }
}
