/// The information field of an FRMR response (ISO/IEC 13239,
/// basic format with modulo-8 numbering, as IEC 62056-46 uses it): why the
/// secondary station rejected a frame.
///
/// ```
/// octet 1   the rejected frame's control field
/// octet 2   bit 0: 0, bits 3..1: V(S), bit 4: C/R, bits 7..5: V(R)
/// octet 3   bit 0: W, bit 1: X, bit 2: Y, bit 3: Z
/// ```
public struct HDLCFrameReject: Sendable, Hashable {
    /// The reason bits of octet 3.
    public enum Reason: String, Sendable, Hashable, CaseIterable {
        /// The control field was undefined or not implemented.
        case w = "W"
        /// The frame had an information field, which its type does not permit.
        case x = "X"
        /// The information field exceeded the maximum length.
        case y = "Y"
        /// The frame carried an invalid N(R).
        case z = "Z"
    }

    /// The control field of the frame that was rejected.
    public var rejectedControl: UInt8
    /// The rejecting station's send state variable V(S).
    public var sendState: UInt8
    /// The rejecting station's receive state variable V(R).
    public var receiveState: UInt8
    /// Whether the rejected frame was a response (C/R bit).
    public var rejectedResponse: Bool
    /// The reason bits that are set, in W, X, Y, Z order.
    public var reasons: [Reason]

    /// Decodes a 3-byte FRMR information field; nil for any other size.
    public init?(information: ArraySlice<UInt8>) {
        guard information.count == 3 else { return nil }
        let bytes = Array(information)
        rejectedControl = bytes[0]
        sendState = (bytes[1] >> 1) & 0x07
        rejectedResponse = bytes[1] & 0x10 != 0
        receiveState = bytes[1] >> 5
        reasons = Reason.allCases.enumerated().compactMap { bit, reason in
            bytes[2] & (1 << bit) != 0 ? reason : nil
        }
    }
}
