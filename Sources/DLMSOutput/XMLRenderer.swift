import DLMSAnalysis
import DLMSCore
import DLMSSecurity

/// The XML contract: a `<Trace source>` root per input (under `<Traces>`
/// when there are several), one `<Message>` per record with its transport
/// header element and `<Finding>` elements. Always well-formed.
public struct XMLRenderer: RecordRenderer {
    private let multipleInputs: Bool
    private let options: RenderOptions
    private var started = false

    public init(multipleInputs: Bool, options: RenderOptions = RenderOptions()) {
        self.multipleInputs = multipleInputs
        self.options = options
    }

    public mutating func start(into out: inout [UInt8]) {
        guard !started else { return }
        out.append(contentsOf: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".utf8)
        if multipleInputs { out.append(contentsOf: "<Traces>\n".utf8) }
        started = true
    }

    public mutating func beginInput(_ name: String, into out: inout [UInt8]) {
        start(into: &out)
        out.append(contentsOf: "<Trace source=\"\(Self.escape(name))\">\n".utf8)
    }

    public mutating func endInput(_ name: String, into out: inout [UInt8]) {
        out.append(contentsOf: "</Trace>\n".utf8)
    }

    public mutating func finish(into out: inout [UInt8]) {
        if started, multipleInputs { out.append(contentsOf: "</Traces>\n".utf8) }
    }

    public mutating func render(_ record: Record, input name: String, into out: inout [UInt8]) {
        var text = "  <Message index=\"\(record.index)\""
        text += " packets=\"\(record.packets.map(String.init).joined(separator: " "))\""
        if let time = record.time { text += " time=\"\(time.rfc3339)\"" }
        text += " direction=\"\(record.direction.rawValue)\""
        if let flow = record.flow { text += " flow=\"\(Self.escape(flow))\"" }
        if let partner = record.partner { text += " partner=\"\(partner)\"" }
        text += ">\n"
        text += Self.element("Transport", [.text("kind", record.transport.kind.rawValue)] + record.transport.fields, indent: 4)
        if let apdu = record.apdu {
            for node in apdu.xml(options, security: record.security) { node.write(to: &text, level: 2) }
        }
        if let hls = record.hls {
            text += "    <!--HLS mechanism \(hls.mechanism): \(hls.result.rawValue)\(hls.reason.map { " (\($0))" } ?? "")-->\n"
        }
        if let setup = record.securitySetup {
            XMLNode.comment("Security setup \(setup.line)").write(to: &text, level: 2)
        }
        for finding in record.findings {
            text += "    <Finding severity=\"\(finding.severity.rawValue)\" code=\"\(finding.code.rawValue)\""
            if let packet = finding.packet { text += " packet=\"\(packet)\"" }
            if let offset = finding.offset { text += " offset=\"\(offset)\"" }
            text += ">\(Self.escape(finding.message))</Finding>\n"
        }
        text += "  </Message>\n"
        out.append(contentsOf: text.utf8)
    }

    /// An element whose scalar fields are attributes and whose nested fields are child elements.
    static func element(_ name: String, _ fields: [Field], indent: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        var attributes = ""
        var children = ""
        for field in fields {
            switch field.value {
            case let .fields(nested):
                children += element(field.name, nested, indent: indent + 2)
            case let .list(values):
                for value in values {
                    if case let .fields(nested) = value {
                        children += element(field.name, nested, indent: indent + 2)
                    } else {
                        children += element(field.name, [Field("value", value)], indent: indent + 2)
                    }
                }
            default:
                attributes += " \(field.name)=\"\(escape(TextRenderer.text(field.value)))\""
            }
        }
        guard !children.isEmpty else { return "\(pad)<\(name)\(attributes)/>\n" }
        return "\(pad)<\(name)\(attributes)>\n\(children)\(pad)</\(name)>\n"
    }

    /// Escapes text for attributes and content; characters XML 1.0 cannot carry become U+FFFD.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value):
                result += "\u{FFFD}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
