import DLMSCore

/// A service-specific ciphered APDU: glo-X (global key) or ded-X (dedicated
/// key) for the service X it protects, `[tag] IMPLICIT OCTET STRING` in the
/// Green Book xDLMS ASN.1:
///
/// ```
/// glo-initiateRequest [33] IMPLICIT OCTET STRING,   -- 0x21
/// ...
/// glo-get-request    [200] IMPLICIT OCTET STRING,   -- 0xC8
/// ded-get-request    [208] IMPLICIT OCTET STRING,   -- 0xD0
/// ...
/// ```
///
/// On the wire: the tag, an A-XDR length, then the octet string
/// SC ‖ IC ‖ content (`CipheredContent`). The tags are those of spec-notes
/// §2 in 0x21–0x58 (glo-X = X + 0x20, ded-X = X + 0x40 for the initiate and
/// SN services) and 0xC8–0xD7 (glo-X = X + 0x08, ded-X = X + 0x10 for the LN
/// services); `ServiceSpecificCipheredAPDU+Tags.swift` lists them.
public struct ServiceSpecificCipheredAPDU: Sendable, Hashable {
    /// The APDU tag (0x21 glo-initiate-request ... 0xD7 ded-action-response).
    public let tag: UInt8
    /// SC ‖ IC ‖ content.
    public var content: CipheredContent
    /// How the octet string's A-XDR length was written.
    public var lengthForm: AXDRLengthForm

    /// Nil when `tag` is not a service-specific ciphered APDU tag.
    public init?(tag: UInt8, content: CipheredContent, lengthForm: AXDRLengthForm = .canonical) {
        guard Self.tags.contains(tag) else { return nil }
        self.tag = tag
        self.content = content
        self.lengthForm = lengthForm
    }

    /// The ciphered form of the plain APDU with tag `service` under `key`;
    /// nil when that service has no such ciphered form.
    public init?(
        service: UInt8, key: CipheringKeyKind, content: CipheredContent, lengthForm: AXDRLengthForm = .canonical
    ) {
        guard let tag = Self.cipheredTag(service: service, key: key) else { return nil }
        self.init(tag: tag, content: content, lengthForm: lengthForm)
    }

    public init(from reader: inout ByteReader, notes: inout DecodingNotes) throws(DecodingError) {
        let offset = reader.position
        guard let tag = reader.readUInt8() else {
            throw DecodingError("data ends where a ciphered APDU tag was expected", at: offset)
        }
        guard Self.tags.contains(tag) else {
            throw DecodingError("tag \(Hex.encode([tag])) is not a glo- or ded- ciphered APDU", at: offset)
        }
        self.tag = tag
        let name = Self.name(of: tag) ?? "ciphered APDU"
        (content, lengthForm) = try CipheredContent.read(from: &reader, what: "\(name) octet string")
    }

    public func encode(into bytes: inout [UInt8]) {
        bytes.append(tag)
        content.encode(lengthForm: lengthForm, into: &bytes)
    }

    /// Which key family the tag names.
    public var key: CipheringKeyKind { Self.entries[tag]?.key ?? .global }

    /// The tag of the plain APDU this one protects (0xC0 for glo-get-request).
    public var serviceTag: UInt8 { Self.entries[tag]?.service ?? 0 }

    /// The Green Book name of the protected plain APDU ("get-request").
    public var serviceName: String { APDUTag.name(serviceTag) ?? "unknown" }

    /// The Green Book name of this APDU ("glo-get-request").
    public var name: String { Self.name(of: tag) ?? "unknown" }

    /// The octet string as sent: SC ‖ IC ‖ content.
    public var cipheredBytes: [UInt8] { content.encoded }
}
