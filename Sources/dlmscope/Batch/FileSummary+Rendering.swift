import DLMSAnalysis
import DLMSCore
import DLMSOutput
import DLMSSecurity
import Foundation

// `--summary` as a text table (a line per file, its APDU types under it) or
// JSON Lines (an object per file).
extension FileSummary {
    static let textHeader = "records  APDUs  ciphered  tags valid/invalid/unchecked/absent  findings error/warning/info  file\n"

    var textLines: String {
        guard error == nil else { return "      -      -         -  -                                   -                            \(file)  (unreadable)\n" }
        let tagText = TagVerdict.allCases.map { String(counts.tags[$0] ?? 0) }.joined(separator: "/")
        let findingText = [Finding.Severity.error, .warning, .info].map { String(findings[$0] ?? 0) }.joined(separator: "/")
        let cipheredPercent = (counts.cipheredShare * 1000).rounded() / 10
        var line = Self.pad(String(records), 7) + Self.pad(String(counts.apdus), 7) + Self.pad("\(cipheredPercent) %", 10)
        line += "  " + tagText.padding(toLength: 35, withPad: " ", startingAt: 0)
        line += "  " + findingText.padding(toLength: 27, withPad: " ", startingAt: 0) + "  " + file + "\n"
        if !apduTypes.isEmpty {
            line += "        " + apduTypes.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .map { "\($0.key) \($0.value)" }.joined(separator: ", ") + "\n"
        }
        if !counts.signatures.isEmpty {
            line += "        signatures: " + SecurityInfo.SignatureVerdict.allCases.compactMap { verdict in
                counts.signatures[verdict].map { "\($0) \(verdict.rawValue)" }
            }.joined(separator: ", ") + "\n"
        }
        return line
    }

    /// `{"file":…,"records":…,"apdus":…,"apduTypes":{…},"ciphered":…,"cipheredShare":…,"decrypted":…,
    /// "tags":{…},"signatures":{…},"findings":{"error":…,"warning":…,"info":…}}`, or with `"error"` for
    /// an unreadable input.
    func jsonLine(into out: inout [UInt8]) {
        var fields: [Field] = [.text("file", file)]
        if let error {
            fields.append(.text("error", error))
        } else {
            fields += [
                .integer("records", records), .integer("apdus", counts.apdus),
                Field("apduTypes", .fields(apduTypes.keys.sorted().map { .integer($0, apduTypes[$0] ?? 0) })),
                .integer("ciphered", counts.ciphered), Field("cipheredShare", .float(counts.cipheredShare)),
                .integer("decrypted", counts.decrypted),
                Field("tags", .fields(TagVerdict.allCases.map { .integer($0.rawValue, counts.tags[$0] ?? 0) })),
                Field("signatures", .fields(SecurityInfo.SignatureVerdict.allCases.map {
                    .integer($0.rawValue, counts.signatures[$0] ?? 0)
                })),
                Field("findings", .fields([Finding.Severity.error, .warning, .info].map { .integer($0.rawValue, findings[$0] ?? 0) })),
            ]
        }
        JSONLine.write(fields, into: &out)
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
