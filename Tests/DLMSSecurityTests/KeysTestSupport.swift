import DLMSCore
import DLMSSecurity
import DLMSTestSupport
import Foundation
import Testing

/// The meters of the shared captures with their published keys, as each
/// capture folder's SOURCE.md states them, and keys files built from them.
enum KeysSamples {
    struct Meter {
        var capture: String
        var title: String
        var name: String
        var ek: String
        var ak: String?
    }

    static let meters: [Meter] = [
        Meter(
            capture: "austria-hdlc-encrypted", title: "534D53677004C446", name: "Wiener Netze Siemens IM350",
            ek: "612888F59306A7855AC5C08CB3A96B39", ak: "D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDF"
        ),
        Meter(
            capture: "austria-hdlc-encrypted", title: "49534B69745CF6C9", name: "Iskraemeco AM550",
            ek: "62F9445B069BA866068B8036F2612030"
        ),
        Meter(
            capture: "austria-hdlc-encrypted", title: "534D53677002FD62", name: "Siemens (Wels)",
            ek: "5A9AFEB2A17E6CF0CBAF98C8300ED9D7"
        ),
        Meter(
            capture: "austria-hdlc-encrypted", title: "534147350000D28F", name: "Sagemcom (Energienetze Steiermark)",
            ek: "953E7F1725EA910F26E053813A639094"
        ),
        Meter(
            capture: "austria-mbus-encrypted", title: "4B464D1010000023", name: "Kaifa MA309 (TINETZ)",
            ek: "101112131415161718191A1B1C1D1E1F"
        ),
        Meter(
            capture: "smartmeter-datacollector-scs", title: "4C475A6774206295", name: "Landis+Gyr E570",
            ek: "101112131415161718191A1B1C1D1E1F"
        ),
    ]

    /// The default entry's AK (a test value, in no SOURCE.md).
    static let defaultAK = "00112233445566778899AABBCCDDEEFF"
    /// A client entry of the multi-meter file.
    static let clientTitle = "4D4D4D0000BC614E"
    static let clientAK = "C0C1C2C3C4C5C6C7C8C9CACBCCCDCECF"

    /// The multi-meter file in TOML: a default AK, one `[[meter]]` per meter
    /// (lower case and separators in some), one `[[client]]`.
    static var toml: String {
        var lines = ["# Keys of the shared captures (SOURCE.md of each)", "[default]", "ak = \"\(defaultAK)\"  # test lab AK", ""]
        for (index, meter) in meters.enumerated() {
            let ek = index % 2 == 0 ? meter.ek : spaced(meter.ek.lowercased())
            lines += ["[[meter]]", "system-title = \"\(meter.title)\"", "name = \"\(meter.name)\"", "ek = '\(ek)'"]
            if let ak = meter.ak { lines.append("ak = \"\(ak)\"") }
            lines.append("")
        }
        lines += ["[[client]]", "system-title = \"\(clientTitle)\"", "ak = \"\(clientAK)\""]
        return lines.joined(separator: "\n") + "\n"
    }

    /// The same file in JSON.
    static var json: String {
        var meterObjects: [String] = []
        for meter in meters {
            var fields = ["\"system-title\": \"\(meter.title)\"", "\"name\": \"\(meter.name)\"", "\"ek\": \"\(meter.ek)\""]
            if let ak = meter.ak { fields.append("\"ak\": \"\(ak)\"") }
            meterObjects.append("    {" + fields.joined(separator: ", ") + "}")
        }
        return """
            {
              "default": {"ak": "\(defaultAK)"},
              "meter": [
            \(meterObjects.joined(separator: ",\n"))
              ],
              "client": [{"system-title": "\(clientTitle)", "ak": "\(clientAK)"}]
            }
            """
    }

    /// Hex with a colon between bytes: `61:28:88:...`.
    static func spaced(_ hex: String) -> String {
        var pieces: [String] = []
        var rest = Substring(hex)
        while !rest.isEmpty {
            pieces.append(String(rest.prefix(2)))
            rest = rest.dropFirst(2)
        }
        return pieces.joined(separator: ":")
    }

    static func bytes(_ hex: String) -> [UInt8]? {
        Hex.decode(hex)
    }

    /// Parses keys-file text, named `keys.toml` in errors.
    static func parse(_ text: String, file: String = "keys.toml", base: String = "/lab") throws -> KeyStore {
        try KeyStore(parsing: Array(text.utf8), file: file, baseDirectory: base)
    }

    /// The error parsing `text` throws.
    static func error(_ text: String, file: String = "keys.toml") -> KeysFileError? {
        error(bytes: Array(text.utf8), file: file)
    }

    static func error(bytes: [UInt8], file: String = "keys.toml") -> KeysFileError? {
        do {
            _ = try KeyStore(parsing: bytes, file: file, baseDirectory: "/lab")
            return nil
        } catch {
            return error
        }
    }

    /// Expects `message` to hold none of `secrets`: a hex secret's first 8
    /// digits in no run of hex digits and separators (either case), a text
    /// secret nowhere.
    static func expectNoSecrets(_ message: String, _ secrets: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        let runs = message.uppercased()
            .split { !($0.isHexDigit || $0 == " " || $0 == ":" || $0 == "-") }
            .map { $0.filter(\.isHexDigit) }
        for secret in secrets where !secret.isEmpty {
            let digits = secret.uppercased().filter(\.isHexDigit)
            if digits.count >= 8, digits.count == secret.filter({ !" :-".contains($0) }).count {
                let prefix = String(digits.prefix(8))
                #expect(!runs.contains { $0.contains(prefix) }, "a key leaks into: \(message)", sourceLocation: sourceLocation)
            } else {
                #expect(!message.contains(secret), "a secret leaks into: \(message)", sourceLocation: sourceLocation)
            }
        }
    }
}
