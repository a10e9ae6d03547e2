/// The C field of an M-Bus frame (EN 13757-2 §5.5, after IEC 60870-5-2):
/// bit 6 PRM says the frame comes from the primary station; bits 5 and 4 are
/// FCB and FCV in a primary station's frame, ACD and DFC in a secondary
/// station's; bits 3...0 are the function code. Bit 7 is 0 on wired M-Bus.
public struct MBusControl: Sendable, Hashable {
    public var rawValue: UInt8

    public init(_ rawValue: UInt8) {
        self.rawValue = rawValue
    }

    /// PRM: the frame was sent by the primary station (the master).
    public var isPrimary: Bool { rawValue & 0x40 != 0 }

    /// Bit 5: FCB (frame count bit) from a primary station, ACD (access demand) from a secondary one.
    public var bit5: Bool { rawValue & 0x20 != 0 }

    /// Bit 4: FCV (frame count bit valid) from a primary station, DFC (data flow control) from a secondary one.
    public var bit4: Bool { rawValue & 0x10 != 0 }

    public var functionCode: UInt8 { rawValue & 0x0F }

    /// The EN 13757-2 name of the function, when the byte is one of the
    /// defined values: SND_NKE 40, SND_UD 53/73, REQ_UD1 5A/7A, REQ_UD2 5B/7B
    /// (FCV set, FCB alternating), RSP_UD 08/18/28/38 (any ACD and DFC).
    public var functionName: String? {
        guard rawValue & 0x80 == 0 else { return nil }
        if isPrimary {
            switch (functionCode, bit4) {
            case (0x0, false) where !bit5: return "SND_NKE"
            case (0x3, true): return "SND_UD"
            case (0xA, true): return "REQ_UD1"
            case (0xB, true): return "REQ_UD2"
            default: return nil
            }
        }
        return functionCode == 0x8 ? "RSP_UD" : nil
    }
}
