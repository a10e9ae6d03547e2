/// Why bytes could not be decoded as the APDU or value they should be.
///
/// `offset` is where the problem was found, as an absolute index into the
/// buffer the bytes were cut from (`ByteReader.position`), so that findings
/// can point at the byte.
public struct DecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public var offset: Int

    public init(_ message: String, at offset: Int) {
        self.message = message
        self.offset = offset
    }

    public var description: String { "\(message) (at byte \(offset))" }
}
