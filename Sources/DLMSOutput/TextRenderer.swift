import DLMSAnalysis
import DLMSCore

/// One line per record, like tshark's summary: index, carrier packets, time,
/// flow and direction, transport, then the findings indented below.
public struct TextRenderer: RecordRenderer {
    private var inputs = 0

    public init() {}

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
        line += "  " + (record.flow ?? "serial")
        line += "  " + Self.arrow(record.direction)
        line += "  " + TransportSummary.text(record.transport)
        if let apdu = record.apdu {
            line += "  " + (apdu.first.flatMap(APDUTag.name) ?? "unknown") + " (\(apdu.count) bytes)"
        }
        out.append(contentsOf: line.utf8)
        out.append(0x0A)
        for finding in record.findings {
            var text = "    \(finding.severity.rawValue) \(finding.code.rawValue): \(finding.message)"
            if let packet = finding.packet { text += " [packet \(packet)" + (finding.offset.map { ", offset \($0)]" } ?? "]") }
            out.append(contentsOf: text.utf8)
            out.append(0x0A)
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
        }
    }
}
