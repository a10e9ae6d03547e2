import DLMSCore

/// Reading and writing the contents of the ACSE elements DLMS uses. Readers
/// are strict (the content must be exactly what the standard says, lengths
/// included) and return nil otherwise, so that the caller can keep the element
/// as it came; they also return the lengths of the inner elements they read.
enum ACSEFieldCodec {
    typealias Parsed<Value> = (value: Value, lengths: [BERLengthRecord])

    /// Content that is exactly one element, optionally with tag `expected`.
    static func single(_ content: ArraySlice<UInt8>, tag expected: UInt8? = nil) -> (header: BERHeader, value: ArraySlice<UInt8>)? {
        var reader = ByteReader(content)
        guard let header = try? BERHeader.read(from: &reader, what: "element"), header.declaredEnd == content.endIndex,
              expected.map({ header.tag == [$0] }) ?? true
        else { return nil }
        return (header, content[header.contentStart..<header.declaredEnd])
    }

    // MARK: Explicitly tagged: one inner element

    /// `04 len bytes` (AP titles, AE qualifiers).
    static func octetString(_ content: ArraySlice<UInt8>) -> Parsed<[UInt8]>? {
        guard let (header, value) = single(content, tag: 0x04) else { return nil }
        return (Array(value), [header.record(actualLength: value.count)])
    }

    /// `02 len integer` (invocation identifiers).
    static func integer(_ content: ArraySlice<UInt8>) -> Parsed<BERInteger>? {
        guard let (header, value) = single(content, tag: 0x02), !value.isEmpty else { return nil }
        return (BERInteger(contentOctets: Array(value)), [header.record(actualLength: value.count)])
    }

    /// `02 01 n`: an INTEGER 0...255 in its minimal encoding (`02 02 00 n`
    /// from 128), as the AARE result and diagnostics are sent.
    static func smallInteger(_ content: ArraySlice<UInt8>) -> Parsed<UInt8>? {
        guard let (header, value) = single(content, tag: 0x02), let number = BERInteger(contentOctets: Array(value)).value,
              (0...255).contains(number), BERInteger(number).contentOctets.count == value.count
        else { return nil }
        return (UInt8(truncatingIfNeeded: number), [header.record(actualLength: value.count)])
    }

    /// `06 len oid` (application-context-name).
    static func objectIdentifier(_ content: ArraySlice<UInt8>) -> Parsed<BERObjectIdentifier>? {
        guard let (header, value) = single(content, tag: 0x06), !value.isEmpty else { return nil }
        return (BERObjectIdentifier(contentOctets: Array(value)), [header.record(actualLength: value.count)])
    }

    /// One alternative of Authentication-value (`80 len chars` ...).
    static func authenticationValue(_ content: ArraySlice<UInt8>) -> Parsed<AuthenticationValue>? {
        guard let (header, value) = single(content), header.tag.count == 1, AuthenticationValue.isAlternative(header.tag[0])
        else { return nil }
        return (AuthenticationValue(tag: header.tag[0], value: Array(value)), [header.record(actualLength: value.count)])
    }

    /// `A1 03 02 01 d` or `A2 03 02 01 d` (result-source-diagnostic).
    static func diagnostic(_ content: ArraySlice<UInt8>) -> Parsed<AssociateSourceDiagnostic>? {
        guard let (header, value) = single(content), header.tag == [0xA1] || header.tag == [0xA2],
              let (byte, inner) = smallInteger(value)
        else { return nil }
        let diagnostic: AssociateSourceDiagnostic = header.tag == [0xA1]
            ? .serviceUser(ACSEServiceUserDiagnostic(rawValue: byte))
            : .serviceProvider(ACSEServiceProviderDiagnostic(rawValue: byte))
        return (diagnostic, [header.record(actualLength: value.count)] + inner)
    }

    // MARK: Implicitly tagged: the content itself

    static func bitString(_ content: ArraySlice<UInt8>) -> Parsed<BERBitString>? {
        BERBitString(contentOctets: content).map { ($0, []) }
    }

    static func implicitObjectIdentifier(_ content: ArraySlice<UInt8>) -> Parsed<BERObjectIdentifier>? {
        content.isEmpty ? nil : (BERObjectIdentifier(contentOctets: Array(content)), [])
    }

    static func bytes(_ content: ArraySlice<UInt8>) -> Parsed<[UInt8]>? {
        (Array(content), [])
    }

    /// An ENUMERATED of one byte (release reasons).
    static func enumerated(_ content: ArraySlice<UInt8>) -> Parsed<UInt8>? {
        guard content.count == 1, let byte = content.first else { return nil }
        return (byte, [])
    }

    // MARK: Nodes

    static func explicit(_ tag: UInt8, _ innerTag: UInt8, _ content: [UInt8]) -> BERNode {
        .constructed(tag: [tag], children: [.primitive(tag: [innerTag], content: content)])
    }

    static func implicit(_ tag: UInt8, _ content: [UInt8]) -> BERNode {
        .primitive(tag: [tag], content: content)
    }

    static func authenticationValue(_ tag: UInt8, _ value: AuthenticationValue) -> BERNode {
        .constructed(tag: [tag], children: [.primitive(tag: [value.tag], content: value.value)])
    }

    static func diagnostic(_ tag: UInt8, _ value: AssociateSourceDiagnostic) -> BERNode {
        .constructed(tag: [tag], children: [
            .constructed(tag: [0xA0 | value.source], children: [
                .primitive(tag: [0x02], content: BERInteger(Int64(value.value)).contentOctets),
            ]),
        ])
    }

    /// `BE len 04 len xDLMS`, with any padding that followed the xDLMS APDU.
    static func userInformation(_ value: UserInformation, padding: [UInt8]) -> BERNode {
        .constructed(tag: [0xBE], children: [.primitive(tag: [0x04], content: value.encoded + padding)])
    }
}
