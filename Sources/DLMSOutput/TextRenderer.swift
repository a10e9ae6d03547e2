import DLMSAnalysis
import DLMSCore
import DLMSSecurity

/// One line per record, like tshark's summary: index, carrier packets, time,
/// flow and direction, transport, then the findings indented below.
public struct TextRenderer: RecordRenderer {
    private let options: RenderOptions
    private var inputs = 0

    public init(options: RenderOptions = RenderOptions()) {
        self.options = options
    }

    public mutating func beginInput(_ name: String, into out: inout [UInt8]) {
        inputs += 1
        if inputs > 1 { out.append(0x0A) }
        out.append(contentsOf: "== \(name)\n".utf8)
    }

    public mutating func endInput(_ name: String, into out: inout [UInt8]) {}
    public mutating func finish(into out: inout [UInt8]) {}

    public mutating func render(_ record: Record, input name: String, into out: inout [UInt8]) {
        var line = "#\(record.index)"
        line += "  [" + record.packets.map(String.init).joined(separator: ",") + "]"
        line += "  " + (record.time?.rfc3339 ?? "-")
        line += "  " + (record.flow ?? "-")
        line += "  " + Self.arrow(record.direction)
        line += "  " + TransportSummary.text(record.transport)
        if let security = record.security { line += "  " + security.summary }
        if let apdu = record.apdu { line += "  " + apdu.summary(options) }
        if let hls = record.hls { line += "  [HLS \(hls.mechanism) \(hls.result.rawValue)]" }
        if let setup = record.securitySetup { line += "  [security setup \(setup.line)]" }
        if let partner = record.partner { line += "  (#\(partner))" }
        out.append(contentsOf: line.utf8)
        out.append(0x0A)
        if options.verbose, let apdu = record.apdu {
            for field in apdu.jsonFields(options) { Self.tree(field, level: 2, into: &out) }
        }
        for finding in record.findings {
            var text = "    \(finding.severity.rawValue) \(finding.code.rawValue): \(finding.message)"
            if let packet = finding.packet { text += " [packet \(packet)" + (finding.offset.map { ", offset \($0)]" } ?? "]") }
            out.append(contentsOf: text.utf8)
            out.append(0x0A)
        }
    }

    /// A field and its members, one per line, indented.
    static func tree(_ field: Field, level: Int, into out: inout [UInt8]) {
        let pad = String(repeating: "  ", count: level)
        switch field.value {
        case let .fields(members):
            out.append(contentsOf: "\(pad)\(field.name):\n".utf8)
            for member in members { tree(member, level: level + 1, into: &out) }
        case let .list(values) where values.contains(where: { if case .fields = $0 { true } else { false } }):
            out.append(contentsOf: "\(pad)\(field.name): [\(values.count)]\n".utf8)
            for (index, value) in values.enumerated() { tree(Field("[\(index)]", value), level: level + 1, into: &out) }
        default:
            out.append(contentsOf: "\(pad)\(field.name): \(text(field.value))\n".utf8)
        }
    }

    static func arrow(_ direction: Direction) -> String {
        switch direction {
        case .clientToServer: "C->S"
        case .serverToClient: "S->C"
        case .unknown: "?"
        }
    }

    static func text(_ value: Field.Value) -> String {
        switch value {
        case let .integer(number): String(number)
        case let .unsigned(number): String(number)
        case let .float(number): String(number)
        case let .boolean(flag): String(flag)
        case let .text(text): text
        case let .bytes(bytes): Hex.encode(bytes)
        case let .fields(fields): "{" + fields.map { "\($0.name)=\(text($0.value))" }.joined(separator: " ") + "}"
        case let .list(values): "[" + values.map(text).joined(separator: " ") + "]"
        case .null: "-"
        // Only the JSON renderer asks for encoded JSON; shown as the JSON it is.
        case let .json(bytes): String(decoding: bytes, as: UTF8.self)
        }
    }
}
