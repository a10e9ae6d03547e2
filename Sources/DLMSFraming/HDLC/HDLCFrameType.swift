/// The kind of an HDLC frame, as its control field states it (IEC 62056-46,
/// from ISO/IEC 13239). The raw values are the names dlmscope prints.
public enum HDLCFrameType: String, Sendable, Hashable, CaseIterable {
    /// Information frame: numbered, carries an APDU.
    case i = "I"
    /// Supervisory frames: acknowledge with N(R).
    case rr = "RR"
    case rnr = "RNR"
    case rej = "REJ"
    case srej = "SREJ"
    /// Unnumbered frames.
    case snrm = "SNRM"
    case disc = "DISC"
    case ua = "UA"
    case dm = "DM"
    case frmr = "FRMR"
    /// Unnumbered information: carries an APDU without sequence numbers (push).
    case ui = "UI"
    /// Any other unnumbered frame; the control byte names it.
    case u = "U"

    /// Whether the frame's information field carries (part of) an APDU.
    public var carriesAPDU: Bool { self == .i || self == .ui }
}
