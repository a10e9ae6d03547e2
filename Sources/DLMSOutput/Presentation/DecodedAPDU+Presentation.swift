import DLMSAPDU
import DLMSAnalysis
import DLMSCore

// A record's APDU in each output format, with what the analysis knows
// around it (the request a response answers, reassembly).
extension DecodedAPDU {
    func context(_ options: RenderOptions) -> PresentationContext {
        var context = PresentationContext(
            showSecrets: options.showSecrets, requestedAttributes: requested, scalerUnits: scalerUnits,
            decryptedUserInformation: decryptedUserInformation
        )
        context.directJSON = options.directJSON
        return context
    }

    /// The members of the JSON `apdu` object.
    func jsonFields(_ options: RenderOptions) -> [Field] {
        FieldTreeBuilder.build { writeJSONMembers(options, &$0) }
    }

    func writeJSONMembers<S: FieldSink>(_ options: RenderOptions, _ sink: inout S) {
        guard let apdu else {
            sink.text("type", typeName)
            sink.bytes("raw", bytes)
            if let text { sink.text("text", text) }
            if let error { sink.text("error", error.message) }
            return
        }
        apdu.writeJSONMembers(context(options), to: &sink)
        if let reassembly {
            sink.object("reassembled") { sink in
                sink.text("from", reassembly.method)
                sink.integer("blocks", reassembly.blocks)
            }
        }
    }

    /// The APDU's XML: Gurux's element, or `<UnknownApdu Value="..."/>` for bytes that are no APDU.
    /// An opened envelope holds the plaintext APDU as a child element, after a comment with the verdict.
    func xml(_ options: RenderOptions, security: SecurityInfo? = nil) -> [XMLNode] {
        if let envelope {
            var inner: [XMLNode] = []
            if let security { inner.append(.comment(security.verdict)) }
            if let apdu { inner.append(apdu.guruxXML(context(options))) }
            return [envelope.guruxXML(context(options), children: inner)]
        }
        guard let apdu else {
            var nodes: [XMLNode] = []
            if let error { nodes.append(.comment("not an APDU: \(error.message)")) }
            if let text { nodes.append(.comment("text: \(text)")) }
            nodes.append(.value("UnknownApdu", Hex.encode(bytes)))
            return nodes
        }
        var nodes: [XMLNode] = []
        if let reassembly { nodes.append(.comment("joined from \(reassembly.blocks) blocks (\(reassembly.method))")) }
        if let security { nodes.append(.comment(security.verdict)) }
        nodes.append(apdu.guruxXML(context(options)))
        return nodes
    }

    /// The APDU part of a text line: type, variant and the fields a reader scans for.
    func summary(_ options: RenderOptions) -> String {
        guard let apdu else {
            if let text { return "text (\(bytes.count) bytes): \(text.prefix(60).split(whereSeparator: \.isNewline).joined(separator: " "))…" }
            return "\(typeName) (\(bytes.count) bytes, not decoded)"
        }
        var parts = [apdu.apduType + (apdu.variant.map { " " + $0 } ?? "")]
        let fields = apdu.jsonFields(context(options))
        func value(_ name: String) -> Field.Value? { fields.first { $0.name == name }?.value }
        if case let .integer(id)? = value("invokeId") { parts.append("#\(id)") }
        for name in ["attribute", "method"] {
            guard case let .fields(descriptor)? = value(name) else { continue }
            let get = { (key: String) in descriptor.first { $0.name == key }?.value }
            var text = ""
            if case let .integer(classId)? = get("classId") { text += "\(classId)/" }
            if case let .text(obis)? = get("obis") { text += obis }
            if case let .integer(id)? = get(name == "attribute" ? "attributeId" : "methodId") { text += "/\(id)" }
            if case let .text(named)? = get("obisName") { text += " (\(named))" }
            parts.append(text)
        }
        if case let .text(result)? = value("result") { parts.append(result) }
        if case let .fields(data)? = value("data") ?? value("value") { parts.append("= " + Self.short(data)) }
        if let reassembly { parts.append("[\(reassembly.blocks) blocks]") }
        return parts.joined(separator: " ")
    }

    /// A data value in a few characters: its decoded meaning, a scalar, or its type and size.
    static func short(_ data: [Field]) -> String {
        func member(_ name: String) -> Field.Value? { data.first { $0.name == name }?.value }
        if case let .text(text)? = member("dateTime") ?? member("dateTimeText") ?? member("text") { return text }
        if case let .float(scaled)? = member("scaled") {
            let unit = member("unit").flatMap { if case let .text(unit) = $0 { " " + unit } else { nil } } ?? ""
            return String(scaled) + unit
        }
        if case let .text(type)? = member("type") {
            switch member("value") {
            case let .list(values)?: return "\(type)[\(values.count)]"
            case let .text(text)?: return "\"\(text)\""
            case let value?: return TextRenderer.text(value)
            case nil: return type
            }
        }
        return "…"
    }
}
