/// How an ACSE APDU (AARQ, AARE, RLRQ, RLRE) was written where it departs
/// from the form dlmscope writes: its BER lengths, the order of its
/// elements, and bytes after the xDLMS APDU inside the user-information.
///
/// Decoding records these so that encoding a decoded APDU gives back the
/// received bytes, including the wrong lengths real encoders produce; every
/// departure is also a note of the record. APDUs built in code use
/// `canonical`. The recorded lengths are applied only while the APDU still
/// has one element per recorded length (changing an element's content keeps
/// each length's excess; adding or removing elements falls back to the
/// canonical form), and the order only while the elements are the same.
public struct ACSEWireForm: Sendable, Hashable {
    /// Every BER length in the order written (the APDU's own, then each
    /// element's and its inner elements'), when any of them was not canonical.
    public var lengths: [BERLengthForm]?
    /// The element tags in the order received, when it was not ascending tag order.
    public var elementOrder: [[UInt8]]?
    /// Bytes inside the user-information OCTET STRING after the xDLMS APDU.
    public var userInformationPadding: [UInt8]

    public init(lengths: [BERLengthForm]? = nil, elementOrder: [[UInt8]]? = nil, userInformationPadding: [UInt8] = []) {
        self.lengths = lengths
        self.elementOrder = elementOrder
        self.userInformationPadding = userInformationPadding
    }

    public static let canonical = ACSEWireForm()

    public var isCanonical: Bool { self == .canonical }
}
