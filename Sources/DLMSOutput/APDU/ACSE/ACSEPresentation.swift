import DLMSAPDU
import DLMSAnalysis
import DLMSCore
import DLMSSecurity

/// Pieces the ACSE, initiate and error presenters share: names in the Gurux
/// translator's vocabulary, hex widths, and the decoded meaning dlmscope adds
/// as comments.
enum ACSEPresentation {
    /// `value` as upper-case hex of `width` digits (at least), as Gurux prints integers.
    static func hex<T: BinaryInteger>(_ value: T, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// A byte as two hex digits.
    static func hex(_ byte: UInt8) -> String { hex(byte, width: 2) }

    /// kebab-case to PascalCase: `block-transfer-with-get-or-read` → `BlockTransferWithGetOrRead`,
    /// `refused-by-the-VDE-handler` → `RefusedByTheVDEHandler`.
    static func pascalCase(_ name: String) -> String {
        name.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// kebab-case to camelCase for JSON keys.
    static func camelCase(_ name: String) -> String {
        let pascal = pascalCase(name)
        return pascal.prefix(1).lowercased() + pascal.dropFirst()
    }

    /// Text for bytes that are printable ASCII, else nil.
    static func printable(_ bytes: [UInt8]) -> String? {
        guard !bytes.isEmpty, bytes.allSatisfy({ (0x20...0x7E).contains($0) }) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: Names

    /// Gurux's ApplicationContextName values: LN, SN, LN_WITH_CIPHERING, SN_WITH_CIPHERING, else UNKNOWN.
    static func guruxName(_ context: ApplicationContextName?) -> String {
        switch context?.rawValue {
        case 1: "LN"
        case 2: "SN"
        case 3: "LN_WITH_CIPHERING"
        case 4: "SN_WITH_CIPHERING"
        default: "UNKNOWN"
        }
    }

    /// Gurux's MechanismName values: None, Low, High, HighMd5, HighSha1, HighGmac, HighSha256, HighEcdsa, else UNKNOWN.
    static func guruxName(_ mechanism: AuthenticationMechanism?) -> String {
        switch mechanism?.rawValue {
        case 0: "None"
        case 1: "Low"
        case 2: "High"
        case 3: "HighMd5"
        case 4: "HighSha1"
        case 5: "HighGmac"
        case 6: "HighSha256"
        case 7: "HighEcdsa"
        default: "UNKNOWN"
        }
    }

    // MARK: JSON

    /// `"<key>": name, "<key>Code": arc, "<key>Oid": dotted` for a COSEM object identifier.
    static func objectIdentifierFields(_ key: String, _ identifier: BERObjectIdentifier, name: String?, code: UInt8?) -> [Field] {
        var fields: [Field] = []
        if let name { fields.append(.text(key, name)) }
        if let code { fields.append(.integer(key + "Code", code)) }
        fields.append(.text(key + "Oid", identifier.description))
        return fields
    }

    static func applicationContextFields(_ identifier: BERObjectIdentifier?) -> [Field] {
        guard let identifier else { return [] }
        let context = ApplicationContextName(objectIdentifier: identifier.contentOctets)
        return objectIdentifierFields("applicationContextName", identifier, name: context?.name, code: context?.rawValue)
    }

    static func mechanismFields(_ identifier: BERObjectIdentifier?) -> [Field] {
        guard let identifier else { return [] }
        let mechanism = AuthenticationMechanism(objectIdentifier: identifier.contentOctets)
        return objectIdentifierFields("mechanismName", identifier, name: mechanism?.name, code: mechanism?.rawValue)
    }

    static func integerField(_ key: String, _ value: BERInteger?) -> [Field] {
        guard let value else { return [] }
        if let number = value.value { return [.integer(key, number)] }
        return [.bytes(key + "Octets", value.contentOctets)]
    }

    static func bytesField(_ key: String, _ value: [UInt8]?) -> [Field] {
        value.map { [.bytes(key, $0)] } ?? []
    }

    /// The names of the set bits of ACSE-requirements (bit 0 `authentication`, others `bit-N`).
    static func requirementsField(_ key: String, _ value: BERBitString?) -> [Field] {
        guard let value else { return [] }
        let names = value.bits.enumerated().filter(\.element).map { $0.offset == 0 ? "authentication" : "bit-\($0.offset)" }
        return [Field(key, .list(names.map { .text($0) }))]
    }

    /// An authentication value: `<key>Length`, and `<key>` (hex) with `<key>Text`
    /// when printable, or `<key>Hidden: true` for a secret that is not shown.
    static func authenticationFields(_ key: String, _ value: AuthenticationValue?, secret: Bool, context: PresentationContext) -> [Field] {
        guard let value else { return [] }
        var fields: [Field] = []
        if value.tag != 0x80 { fields.append(.text(key + "Alternative", value.alternativeName)) }
        fields.append(.integer(key + "Length", value.value.count))
        if secret && !context.showSecrets {
            fields.append(.boolean(key + "Hidden", true))
        } else {
            fields.append(.bytes(key, value.value))
            if let text = printable(value.value) { fields.append(.text(key + "Text", text)) }
        }
        return fields
    }

    static func userInformationField(_ value: UserInformation?, _ context: PresentationContext) -> [Field] {
        value.map { [Field("userInformation", $0.json(context))] } ?? []
    }

    static func otherElementsField(_ elements: [BERElement]) -> [Field] {
        guard !elements.isEmpty else { return [] }
        return [Field("otherElements", .list(elements.map {
            .fields([.bytes("tag", $0.tag), .bytes("content", $0.content)])
        }))]
    }

    // MARK: XML

    /// What a system title says: `manufacturer MMM, 0000BC614E` (FLAG id and the rest).
    static func systemTitleComment(_ title: [UInt8]) -> String {
        guard title.count == 8 else { return "system title of \(title.count) bytes (8 expected)" }
        let flag = title.prefix(3)
        guard flag.allSatisfy({ (0x41...0x5A).contains($0) }) else { return "system title" }
        return "system title: manufacturer \(String(decoding: flag, as: UTF8.self)), \(Hex.encode(title.dropFirst(3)))"
    }

    /// What an AE qualifier holds: a DER certificate (a SEQUENCE, 30) or just bytes.
    /// The certificate an AE-qualifier carries (suites 1 and 2), by its contents.
    static func qualifierComment(_ qualifier: [UInt8]) -> String? {
        guard qualifier.first == 0x30 else { return nil }
        guard let certificate = try? X509Certificate(der: qualifier) else {
            return "\(qualifier.count) bytes that do not parse as an X.509 certificate"
        }
        return CertificateSummary(certificate).line
    }

    /// `<key>` (hex), and `<key>Certificate` with the certificate's contents when it holds one.
    static func qualifierFields(_ key: String, _ qualifier: [UInt8]?) -> [Field] {
        guard let qualifier else { return [] }
        guard qualifier.first == 0x30, let certificate = try? X509Certificate(der: qualifier) else {
            return [.bytes(key, qualifier)]
        }
        return [.bytes(key, qualifier), Field(key + "Certificate", .fields(CertificateSummary(certificate).fields))]
    }

    static func value(_ name: String, _ value: String, comment: String? = nil) -> [XMLNode] {
        (comment.map { [XMLNode.comment($0)] } ?? []) + [.value(name, value)]
    }

    static func integerElement(_ name: String, _ value: BERInteger) -> [XMLNode] {
        let text = Hex.encode(value.contentOctets)
        return self.value(name, text, comment: value.value.map { "\($0)" })
    }

    static func authenticationElement(
        _ name: String, _ value: AuthenticationValue, secret: Bool, what: String, context: PresentationContext
    ) -> [XMLNode] {
        var nodes: [XMLNode] = []
        if value.tag != 0x80 { nodes.append(.comment("\(value.alternativeName) alternative")) }
        if secret && !context.showSecrets {
            nodes.append(.comment("\(what) hidden (\(value.value.count) bytes); secrets are shown only on request"))
            nodes.append(.element(name, attributes: [XMLAttribute("Length", "\(value.value.count)")], children: []))
            return nodes
        }
        if let text = printable(value.value) { nodes.append(.comment(text)) }
        nodes.append(.value(name, Hex.encode(value.value)))
        return nodes
    }

    static func otherElement(_ element: BERElement) -> [XMLNode] {
        [
            .comment("element \(Hex.encode(element.tag)) kept as received"),
            .element("UnknownElement", attributes: [
                XMLAttribute("Tag", Hex.encode(element.tag)), XMLAttribute("Value", Hex.encode(element.content)),
            ], children: []),
        ]
    }

    /// The nodes of an ACSE APDU's elements in the order it writes them: the
    /// first element with a tag is the decoded field (when `known` has one),
    /// the others are the elements kept as received.
    static func ordered(tags: [[UInt8]], known: [[UInt8]: [XMLNode]], others: [BERElement]) -> [XMLNode] {
        var used: Set<[UInt8]> = []
        var queues: [[UInt8]: (elements: [BERElement], next: Int)] = [:]
        for element in others { queues[element.tag, default: ([], 0)].elements.append(element) }
        var nodes: [XMLNode] = []
        for tag in tags {
            if let field = known[tag], !used.contains(tag) {
                used.insert(tag)
                nodes += field
            } else if let queue = queues[tag], queue.next < queue.elements.count {
                nodes += otherElement(queue.elements[queue.next])
                queues[tag]?.next += 1
            }
        }
        return nodes
    }

    static func protocolVersionElement(_ version: BERBitString) -> [XMLNode] {
        value("ProtocolVersion", version.binaryText, comment: version == .firstBitOnly ? "version1" : nil)
    }

    static func applicationContextElement(_ identifier: BERObjectIdentifier) -> [XMLNode] {
        let context = ApplicationContextName(objectIdentifier: identifier.contentOctets)
        return value(
            "ApplicationContextName", guruxName(context),
            comment: context?.name ?? "application context \(identifier)")
    }

    static func mechanismElement(_ identifier: BERObjectIdentifier) -> [XMLNode] {
        let mechanism = AuthenticationMechanism(objectIdentifier: identifier.contentOctets)
        return value("MechanismName", guruxName(mechanism), comment: mechanism?.name ?? "mechanism \(identifier)")
    }

    static func requirementsElement(_ name: String, _ value: BERBitString) -> [XMLNode] {
        self.value(name, value.binaryText, comment: value[0] ? "authentication" : nil)
    }
}
