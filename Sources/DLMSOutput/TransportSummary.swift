import DLMSAnalysis
import DLMSCore

/// The transport part of a text line: the framing and the header fields a
/// reader scans for, as tshark's summary column would show them.
enum TransportSummary {
    static func text(_ transport: TransportHeader) -> String {
        let fields = Dictionary(transport.fields.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        func int(_ name: String) -> String? {
            switch fields[name] {
            case let .integer(value)?: String(value)
            case let .unsigned(value)?: String(value)
            default: nil
            }
        }
        func text(_ name: String) -> String? {
            if case let .text(value)? = fields[name] { return value }
            return nil
        }
        func address(_ name: String) -> String? {
            guard case let .fields(parts)? = fields[name] else { return nil }
            let values = parts.compactMap { part -> String? in
                guard part.name == "upper" || part.name == "lower", case let .integer(value) = part.value else { return nil }
                return String(value)
            }
            return values.joined(separator: "/")
        }
        switch transport.kind {
        case .wrapper:
            return "WRAPPER \(int("sourceWPort") ?? "?")->\(int("destinationWPort") ?? "?")"
        case .hdlc:
            var line = "HDLC \(text("frameType") ?? "?")"
            if let ns = int("ns"), let nr = int("nr") { line += "(\(ns),\(nr))" } else if let nr = int("nr") { line += "(\(nr))" }
            line += " \(address("source") ?? "?")->\(address("destination") ?? "?")"
            if let segments = int("segments") { line += " \(segments) segments" }
            if text("hcs") == "invalid" || text("fcs") == "invalid" { line += " BAD-CHECK" }
            return line
        case .mbus:
            var line = "M-Bus \(text("function") ?? text("frame") ?? "?")"
            if let address = int("address") { line += " A=\(address)" }
            if let segments = int("segments") { line += " \(segments) segments" }
            if text("checksum") == "invalid" { line += " BAD-CHECK" }
            return line
        case .iec61334:
            return "IEC61334-4-32 \(int("sourceLSAP") ?? "?")->\(int("destinationLSAP") ?? "?")"
        case .raw:
            return fields["llc"] == nil ? "APDU" : "LLC+APDU"
        case .none:
            guard let protocolName = text("protocol") else { return "-" }
            if let missing = int("missingBytes") { return "\(protocolName.uppercased()) gap of \(missing) bytes" }
            return "\(protocolName.uppercased()) \(int("bytes") ?? "?") bytes"
        }
    }
}
