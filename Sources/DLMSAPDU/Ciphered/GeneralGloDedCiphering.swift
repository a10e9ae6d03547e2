import DLMSCore

/// general-glo-ciphering (0xDB) and general-ded-ciphering (0xDC), Green Book:
///
/// ```
/// general-glo-ciphering [219] IMPLICIT General-Glo-Ciphering,
/// general-ded-ciphering [220] IMPLICIT General-Ded-Ciphering,
///
/// General-Glo-Ciphering ::= SEQUENCE
/// {
///     system-title        OCTET STRING,
///     ciphered-content    OCTET STRING
/// }
/// -- General-Ded-Ciphering has the same two fields
/// ```
///
/// The system title is the sender's (it goes into the IV); a zero-length
/// title is allowed and means "the title known from the association"
/// (spec-notes §4.2, vector a11). The ciphered content is SC ‖ IC ‖ content.
/// Any xDLMS APDU can be protected this way, in either direction.
public struct GeneralGloDedCiphering: Sendable, Hashable {
    public static let globalTag: UInt8 = 0xDB
    public static let dedicatedTag: UInt8 = 0xDC
    public static let tags: Set<UInt8> = [globalTag, dedicatedTag]

    /// general-glo-ciphering (global key) or general-ded-ciphering (dedicated key).
    public var key: CipheringKeyKind
    public var systemTitle: AXDROctetString
    public var content: CipheredContent
    /// How the ciphered content's A-XDR length was written.
    public var contentLengthForm: AXDRLengthForm

    public init(
        key: CipheringKeyKind, systemTitle: AXDROctetString, content: CipheredContent,
        contentLengthForm: AXDRLengthForm = .canonical
    ) {
        self.key = key
        self.systemTitle = systemTitle
        self.content = content
        self.contentLengthForm = contentLengthForm
    }

    public init(from reader: inout ByteReader, notes: inout DecodingNotes) throws(DecodingError) {
        let offset = reader.position
        switch reader.readUInt8() {
        case .some(Self.globalTag): key = .global
        case .some(Self.dedicatedTag): key = .dedicated
        case let tag?:
            throw DecodingError("tag \(Hex.encode([tag])) is not general-glo-ciphering or general-ded-ciphering", at: offset)
        case nil:
            throw DecodingError("data ends where the general-glo/ded-ciphering tag was expected", at: offset)
        }
        systemTitle = try AXDROctetString(from: &reader, what: "system-title")
        (content, contentLengthForm) = try CipheredContent.read(from: &reader, what: "ciphered-content")
    }

    public func encode(into bytes: inout [UInt8]) {
        bytes.append(tag)
        systemTitle.encode(into: &bytes)
        content.encode(lengthForm: contentLengthForm, into: &bytes)
    }

    public var tag: UInt8 { key == .global ? Self.globalTag : Self.dedicatedTag }

    /// Whether the system title is empty: the receiver uses the title it knows from the association.
    public var usesAssociationSystemTitle: Bool { systemTitle.isEmpty }
}
