import DLMSCore

/// Decides each frame's direction, remembering per link what an LLC header or
/// a frame type has stated.
///
/// The rule, strongest evidence first:
/// 1. what the frame states: its LLC header (of the message's first segment),
///    or its type (SNRM/DISC from the client; UA/DM/FRMR from the server);
/// 2. what rule 1 last established for this link (in either way, when its two
///    addresses differ), so that frames with no LLC of a link whose addresses
///    are unusual (some push meters put the 2-byte address on the client side)
///    keep the direction their first segment or first block stated;
/// 3. the address sizes (a 2- or 4-byte address is the server's);
/// otherwise unknown (nil).
struct HDLCLinkDirections: Sendable {
    /// Links remembered at most; further links are not learned.
    static let capacity = 128

    private var learned: [HDLCLink: Direction] = [:]

    mutating func direction(of frame: HDLCFrame, llc: LLCHeader?, link: HDLCLink?) -> Direction? {
        if let stated = HDLCFrame.statedDirection(llc: llc, type: frame.control?.type) {
            // A link whose two addresses are equal looks the same both ways: nothing to learn.
            if let link, link.destination != link.source, learned[link] != nil || learned.count < Self.capacity {
                learned[link] = stated
                learned[link.reversed] = stated.reversed
            }
            return stated
        }
        return link.flatMap { learned[$0] } ?? frame.addressDirection
    }
}
