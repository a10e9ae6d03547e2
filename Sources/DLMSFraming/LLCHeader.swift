/// The LLC header that precedes an APDU in HDLC and other serial framings
/// (IEC 62056-46 §8.2 / Green Book: destination LSAP E6, source LSAP E6 for
/// commands or E7 for responses, LLC quality 00).
public enum LLCHeader: Sendable, Hashable {
    /// E6 E6 00: client to server.
    case command
    /// E6 E7 00: server to client.
    case response

    public static let length = 3

    /// The header at the start of `bytes`, if there is one.
    public init?(_ bytes: ArraySlice<UInt8>) {
        guard bytes.count >= 3, bytes[bytes.startIndex] == 0xE6, bytes[bytes.startIndex + 2] == 0x00 else { return nil }
        switch bytes[bytes.startIndex + 1] {
        case 0xE6: self = .command
        case 0xE7: self = .response
        default: return nil
        }
    }

    public var bytes: [UInt8] { self == .command ? [0xE6, 0xE6, 0x00] : [0xE6, 0xE7, 0x00] }
}
