/// An HDLC control field (IEC 62056-46, from ISO/IEC 13239): the frame type, the P/F bit
/// and the sequence numbers (modulo 8) where the type has them.
///
/// ```
/// I   RRR P SSS 0      N(R), P/F, N(S)
/// S   RRR P TT 0 1     TT: 00 RR, 01 RNR, 10 REJ, 11 SREJ
/// U   MMM P MM 1 1     SNRM 83, DISC 43, UA 63, DM 0F, FRMR 87, UI 03 (P/F masked)
/// ```
public struct HDLCControl: Sendable, Hashable {
    /// The control byte as sent.
    public var byte: UInt8
    public var type: HDLCFrameType
    /// N(S), for I-frames.
    public var sendSequence: UInt8?
    /// N(R), for I- and S-frames.
    public var receiveSequence: UInt8?
    /// The poll (command) or final (response) bit.
    public var pollFinal: Bool

    public init(_ byte: UInt8) {
        self.byte = byte
        pollFinal = byte & 0x10 != 0
        if byte & 0x01 == 0 {
            type = .i
            sendSequence = (byte >> 1) & 0x07
            receiveSequence = byte >> 5
        } else if byte & 0x03 == 0x01 {
            type = switch byte & 0x0C {
            case 0x00: .rr
            case 0x04: .rnr
            case 0x08: .rej
            default: .srej
            }
            sendSequence = nil
            receiveSequence = byte >> 5
        } else {
            sendSequence = nil
            receiveSequence = nil
            type = switch byte & ~0x10 {
            case 0x83: .snrm
            case 0x43: .disc
            case 0x63: .ua
            case 0x0F: .dm
            case 0x87: .frmr
            case 0x03: .ui
            default: .u
            }
        }
    }

    /// The control byte of a frame of `type` (for building frames). `sendSequence`
    /// and `receiveSequence` are taken modulo 8; a generic `.u` yields UI's pattern.
    public static func byte(
        _ type: HDLCFrameType, sendSequence: UInt8 = 0, receiveSequence: UInt8 = 0, pollFinal: Bool = true
    ) -> UInt8 {
        let pf: UInt8 = pollFinal ? 0x10 : 0
        let nr = (receiveSequence & 0x07) << 5
        return switch type {
        case .i: nr | pf | (sendSequence & 0x07) << 1
        case .rr: nr | pf | 0x01
        case .rnr: nr | pf | 0x05
        case .rej: nr | pf | 0x09
        case .srej: nr | pf | 0x0D
        case .snrm: 0x83 | pf
        case .disc: 0x43 | pf
        case .ua: 0x63 | pf
        case .dm: 0x0F | pf
        case .frmr: 0x87 | pf
        case .ui, .u: 0x03 | pf
        }
    }
}
