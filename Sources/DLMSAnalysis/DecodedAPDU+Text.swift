extension DecodedAPDU {
    /// The bytes as text, when they are no APDU but (mostly) printable ASCII: a ciphered
    /// frame may carry a DSMR P1 telegram instead of an xDLMS APDU.
    public var text: String? {
        guard apdu == nil, Self.isText(bytes) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether at least 90 % of `bytes` (8 or more) are printable ASCII, tabs or line breaks.
    public static func isText(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 8 else { return false }
        let printable = bytes.lazy.filter { (0x20...0x7E).contains($0) || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }.count
        return printable * 10 >= bytes.count * 9
    }
}
