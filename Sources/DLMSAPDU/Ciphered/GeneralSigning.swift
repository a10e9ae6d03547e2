import DLMSCore

/// general-signing (0xDF), Green Book (suites 1 and 2; spec-notes §4.4):
///
/// ```
/// general-signing [223] IMPLICIT General-Signing,
///
/// General-Signing ::= SEQUENCE
/// {
///     transaction-id              OCTET STRING,
///     originator-system-title     OCTET STRING,
///     recipient-system-title      OCTET STRING,
///     date-time                   OCTET STRING,
///     other-information           OCTET STRING,
///     content                     OCTET STRING,
///     signature                   OCTET STRING
/// }
/// ```
///
/// The content is an xDLMS APDU, possibly itself ciphered (a general-ciphering
/// or glo-/ded- APDU); its bytes are kept as sent. The signature is the raw
/// ECDSA r ‖ s (64 bytes for P-256, 96 for P-384), or empty where none was
/// added. Parsing only: which bytes are signed is the security stage's
/// business.
public struct GeneralSigning: Sendable, Hashable {
    public static let tag: UInt8 = 0xDF

    public var transactionId: AXDROctetString
    public var originatorSystemTitle: AXDROctetString
    public var recipientSystemTitle: AXDROctetString
    public var dateTime: AXDROctetString
    public var otherInformation: AXDROctetString
    public var content: AXDROctetString
    public var signature: AXDROctetString

    public init(
        transactionId: AXDROctetString, originatorSystemTitle: AXDROctetString,
        recipientSystemTitle: AXDROctetString, dateTime: AXDROctetString = [], otherInformation: AXDROctetString = [],
        content: AXDROctetString, signature: AXDROctetString
    ) {
        self.transactionId = transactionId
        self.originatorSystemTitle = originatorSystemTitle
        self.recipientSystemTitle = recipientSystemTitle
        self.dateTime = dateTime
        self.otherInformation = otherInformation
        self.content = content
        self.signature = signature
    }

    public init(from reader: inout ByteReader, notes: inout DecodingNotes) throws(DecodingError) {
        let offset = reader.position
        switch reader.readUInt8() {
        case .some(Self.tag): break
        case let tag?: throw DecodingError("tag \(Hex.encode([tag])) is not general-signing (DF)", at: offset)
        case nil: throw DecodingError("data ends where the general-signing tag was expected", at: offset)
        }
        transactionId = try AXDROctetString(from: &reader, what: "transaction-id")
        originatorSystemTitle = try AXDROctetString(from: &reader, what: "originator-system-title")
        recipientSystemTitle = try AXDROctetString(from: &reader, what: "recipient-system-title")
        dateTime = try AXDROctetString(from: &reader, what: "date-time")
        otherInformation = try AXDROctetString(from: &reader, what: "other-information")
        content = try AXDROctetString(from: &reader, what: "content")
        signature = try AXDROctetString(from: &reader, what: "signature")
    }

    public func encode(into bytes: inout [UInt8]) {
        bytes.append(Self.tag)
        for field in [transactionId, originatorSystemTitle, recipientSystemTitle, dateTime, otherInformation,
                      content, signature] {
            field.encode(into: &bytes)
        }
    }

    /// The tag of the signed APDU (the content's first byte), if any.
    public var contentTag: UInt8? { content.bytes.first }
}
