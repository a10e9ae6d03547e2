extension DLMSData {
    /// The text of a visible-string or utf8-string; nil for other types.
    ///
    /// A utf8-string that is not valid UTF-8 has each bad sequence replaced by
    /// U+FFFD. A visible-string should hold ISO 646 characters only; it is
    /// read as UTF-8 when it is valid UTF-8, else byte by byte as ISO 8859-1,
    /// so no byte is lost from view. The bytes themselves are in the case.
    public var text: String? {
        switch self {
        case .visibleString(let bytes, _):
            return String(validating: bytes, as: UTF8.self) ?? Self.latin1(bytes)
        case .utf8String(let bytes, _):
            return String(decoding: bytes, as: UTF8.self)
        default:
            return nil
        }
    }

    /// The text of an octet-string whose bytes are all printable ASCII (see
    /// `isPrintable`), for the JSON `text` annotation; nil otherwise.
    public var printableText: String? {
        guard case .octetString(let bytes, _) = self, Self.isPrintable(bytes) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// True when `bytes` is not empty and every byte is printable ASCII
    /// (0x20 space through 0x7E tilde): an octet-string that is most likely
    /// text (a meter serial number, a firmware version).
    public static func isPrintable<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        !bytes.isEmpty && bytes.allSatisfy { (0x20...0x7E).contains($0) }
    }

    /// Bytes as ISO 8859-1 characters (each byte is the Unicode scalar of the same value).
    static func latin1(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes { scalars.append(Unicode.Scalar(byte)) }
        return String(scalars)
    }
}
