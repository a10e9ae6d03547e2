import DLMSCore

/// What a ciphered APDU's octet string holds: the security header, then the
/// protected information split by the policy of the security control byte
/// (Green Book, cryptographic protection of xDLMS APDUs; spec-notes §4.2):
///
/// | SC policy | after the header |
/// | --- | --- |
/// | authentication only (A) | plaintext APDU ‖ 12-byte tag |
/// | encryption only (E) | ciphertext (no tag) |
/// | authenticated encryption (A+E) | ciphertext ‖ 12-byte tag |
/// | neither | the content as is |
///
/// Parsing only: nothing is decrypted or verified here (the security stage
/// does that). The tag is the leftmost 96 bits of the GCM tag for the
/// suites 0, 1 and 2.
public struct CipheredContent: Sendable, Hashable {
    /// The length of the authentication tag (suites 0, 1 and 2).
    public static let tagCount = 12

    public let header: SecurityHeader
    /// What follows the header, without the tag: the plaintext APDU when the
    /// policy does not encrypt (authentication only, or no protection), the
    /// ciphertext when it does.
    public let text: [UInt8]
    /// The 12-byte authentication tag when the policy authenticates, else nil.
    public let tag: [UInt8]?

    /// Nil when the tag does not match the policy: present (and 12 bytes)
    /// exactly when the security control byte has the authentication bit.
    public init?(header: SecurityHeader, text: [UInt8], tag: [UInt8]?) {
        let wantsTag = header.securityControl.authenticated
        guard wantsTag == (tag != nil), tag.map({ $0.count == Self.tagCount }) ?? true else { return nil }
        self.header = header
        self.text = text
        self.tag = tag
    }

    /// Splits `bytes` (SC ‖ IC ‖ content, the whole octet string; its indices
    /// are absolute offsets). Fewer than 5 bytes, or an authenticated content
    /// shorter than its tag, is an error.
    public init(decoding bytes: ArraySlice<UInt8>) throws(DecodingError) {
        var reader = ByteReader(bytes)
        header = try SecurityHeader(from: &reader)
        if header.securityControl.authenticated {
            guard reader.remainingCount >= Self.tagCount else {
                throw DecodingError(
                    "security control \(Hex.encode([header.securityControl.rawValue])) asks for a "
                        + "\(Self.tagCount)-byte authentication tag but only \(reader.remainingCount) bytes "
                        + "follow the security header",
                    at: reader.position
                )
            }
            let rest = reader.readRemaining()
            text = Array(rest.dropLast(Self.tagCount))
            tag = Array(rest.suffix(Self.tagCount))
        } else {
            text = Array(reader.readRemaining())
            tag = nil
        }
    }

    public var securityControl: SecurityControl { header.securityControl }
    public var invocationCounter: UInt32 { header.invocationCounter }

    /// Whether `text` is ciphertext (the policy encrypts) rather than a plaintext APDU.
    public var isEncrypted: Bool { header.securityControl.encrypted }

    /// Appends SC ‖ IC ‖ text ‖ tag.
    public func encode(into bytes: inout [UInt8]) {
        header.encode(into: &bytes)
        bytes += text
        if let tag { bytes += tag }
    }

    /// SC ‖ IC ‖ text ‖ tag: the octet string as sent.
    public var encoded: [UInt8] {
        var bytes = [UInt8]()
        bytes.reserveCapacity(encodedCount)
        encode(into: &bytes)
        return bytes
    }

    /// The size of `encoded`.
    public var encodedCount: Int { SecurityHeader.encodedCount + text.count + (tag?.count ?? 0) }

    /// Reads an A-XDR length and the ciphered octet string it covers.
    static func read(
        from reader: inout ByteReader, what: @autoclosure () -> String
    ) throws(DecodingError) -> (content: CipheredContent, form: AXDRLengthForm) {
        let (bytes, form) = try AXDROctetString.readSlice(from: &reader, what: what())
        return (try CipheredContent(decoding: bytes), form)
    }

    /// Appends the A-XDR length and the octet string.
    func encode(lengthForm: AXDRLengthForm, into bytes: inout [UInt8]) {
        AXDRLength.append(encodedCount, form: lengthForm, to: &bytes)
        encode(into: &bytes)
    }
}
