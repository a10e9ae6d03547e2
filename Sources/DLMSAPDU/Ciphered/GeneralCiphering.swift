import DLMSCore

/// general-ciphering (0xDD), Green Book (suites 1 and 2; spec-notes §4.4):
///
/// ```
/// general-ciphering [221] IMPLICIT General-Ciphering,
///
/// General-Ciphering ::= SEQUENCE
/// {
///     transaction-id              OCTET STRING,
///     originator-system-title     OCTET STRING,
///     recipient-system-title      OCTET STRING,
///     date-time                   OCTET STRING,
///     other-information           OCTET STRING,
///     key-info                    Key-Info OPTIONAL,
///     ciphered-content            OCTET STRING
/// }
/// ```
///
/// Each octet string is an A-XDR length and the bytes; length 0 is allowed
/// (an empty date-time or other-information is "not present"). key-info is
/// OPTIONAL (`00` absent, `01` present, then the CHOICE: see `KeyInfo`).
/// The ciphered content is SC ‖ IC ‖ content; its IV is the originator
/// system title ‖ IC (vector c11).
public struct GeneralCiphering: Sendable, Hashable {
    public static let tag: UInt8 = 0xDD

    public var transactionId: AXDROctetString
    public var originatorSystemTitle: AXDROctetString
    public var recipientSystemTitle: AXDROctetString
    public var dateTime: AXDROctetString
    public var otherInformation: AXDROctetString
    public var keyInfo: KeyInfo?
    public var content: CipheredContent
    /// How the ciphered content's A-XDR length was written.
    public var contentLengthForm: AXDRLengthForm

    public init(
        transactionId: AXDROctetString, originatorSystemTitle: AXDROctetString,
        recipientSystemTitle: AXDROctetString, dateTime: AXDROctetString = [], otherInformation: AXDROctetString = [],
        keyInfo: KeyInfo? = nil, content: CipheredContent, contentLengthForm: AXDRLengthForm = .canonical
    ) {
        self.transactionId = transactionId
        self.originatorSystemTitle = originatorSystemTitle
        self.recipientSystemTitle = recipientSystemTitle
        self.dateTime = dateTime
        self.otherInformation = otherInformation
        self.keyInfo = keyInfo
        self.content = content
        self.contentLengthForm = contentLengthForm
    }

    public init(from reader: inout ByteReader, notes: inout DecodingNotes) throws(DecodingError) {
        let offset = reader.position
        switch reader.readUInt8() {
        case .some(Self.tag): break
        case let tag?: throw DecodingError("tag \(Hex.encode([tag])) is not general-ciphering (DD)", at: offset)
        case nil: throw DecodingError("data ends where the general-ciphering tag was expected", at: offset)
        }
        transactionId = try AXDROctetString(from: &reader, what: "transaction-id")
        originatorSystemTitle = try AXDROctetString(from: &reader, what: "originator-system-title")
        recipientSystemTitle = try AXDROctetString(from: &reader, what: "recipient-system-title")
        dateTime = try AXDROctetString(from: &reader, what: "date-time")
        otherInformation = try AXDROctetString(from: &reader, what: "other-information")
        let flagOffset = reader.position
        switch reader.readUInt8() {
        case .some(0): keyInfo = nil
        case .some(1): keyInfo = try KeyInfo(from: &reader)
        case let flag?:
            throw DecodingError("key-info presence flag \(flag) is neither 00 (absent) nor 01 (present)", at: flagOffset)
        case nil:
            throw DecodingError("data ends where the key-info presence flag was expected", at: flagOffset)
        }
        (content, contentLengthForm) = try CipheredContent.read(from: &reader, what: "ciphered-content")
    }

    public func encode(into bytes: inout [UInt8]) {
        bytes.append(Self.tag)
        transactionId.encode(into: &bytes)
        originatorSystemTitle.encode(into: &bytes)
        recipientSystemTitle.encode(into: &bytes)
        dateTime.encode(into: &bytes)
        otherInformation.encode(into: &bytes)
        if let keyInfo {
            bytes.append(1)
            keyInfo.encode(into: &bytes)
        } else {
            bytes.append(0)
        }
        content.encode(lengthForm: contentLengthForm, into: &bytes)
    }

    /// For an agreed key by One-Pass Diffie-Hellman: the ephemeral public key
    /// and its signature, split by the key size of the content's security suite.
    public var ephemeralPublicKeyAndSignature: (publicKey: [UInt8], signature: [UInt8])? {
        keyInfo?.ephemeralPublicKeyAndSignature(suite: content.securityControl.suite)
    }
}
