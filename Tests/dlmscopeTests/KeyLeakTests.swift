import DLMSCore
import DLMSTestSupport
import Foundation
import Testing

/// Finds key material in what the CLI prints, however it is spelt: hex in either case, with or
/// without spaces, colons or dashes between the bytes, and across line breaks.
enum KeyLeak {
    static let encryptionKey = Hex.encode(CipheredSession.encryptionKey)
    static let authenticationKey = Hex.encode(CipheredSession.authenticationKey)
    static let dedicatedKey = Hex.encode(CipheredSession.dedicatedKey)

    /// The named keys of `keys` that `text` contains.
    static func leaks(in text: String, of keys: [(name: String, hex: String)]) -> [String] {
        let lowered = text.lowercased()
        let squeezed = String(lowered.unicodeScalars.filter { !" \t\r\n:-".unicodeScalars.contains($0) })
        return keys.filter { key in
            let hex = key.hex.lowercased()
            return lowered.contains(hex) || squeezed.contains(hex)
        }.map(\.name)
    }

    /// The global keys of the sample, which no output may ever show.
    static let globalKeys = [("EK", encryptionKey), ("AK", authenticationKey)]
    /// Every key of the sample: the dedicated key only shows with `--show-secrets`.
    static let allKeys = globalKeys + [("dedicated key", dedicatedKey)]
}

/// No output of `decode`, `pdu` or `verify` contains a configured key, whatever the format, whether
/// the keys come from a keys file or from flags, and also when the keys file or a flag is bad. Only
/// `--show-secrets` shows the dedicated key an InitiateRequest carries; EK and AK never show.
@Suite struct KeyLeakTests {
    static let sample = "Samples/ciphered-session.pcap"
    static let keysFile = "Samples/ciphered-session.keys.toml"

    /// The ways to give the sample's keys.
    static let keySources: [[String]] = [
        ["-k", keysFile],
        ["--ek", KeyLeak.encryptionKey, "--ak", KeyLeak.authenticationKey],
        // Lower case with spaces, and the dedicated key given too.
        ["--ek", spaced(KeyLeak.encryptionKey).lowercased(), "--ak", spaced(KeyLeak.authenticationKey).lowercased(),
         "--dk", KeyLeak.dedicatedKey],
    ]

    static let formats: [[String]] = [["-T", "json"], ["-T", "text"], ["-T", "xml"], ["-T", "text", "-V"]]

    static func spaced(_ hex: String) -> String {
        stride(from: 0, to: hex.count, by: 2).map { offset in
            let start = hex.index(hex.startIndex, offsetBy: offset)
            return String(hex[start..<hex.index(start, offsetBy: 2)])
        }.joined(separator: " ")
    }

    static func expectNoLeak(
        _ result: CommandRunner.Result, of keys: [(name: String, hex: String)], _ arguments: [String],
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(KeyLeak.leaks(in: result.stdout, of: keys) == [], "stdout of \(arguments)", sourceLocation: sourceLocation)
        #expect(KeyLeak.leaks(in: result.stderr, of: keys) == [], "stderr of \(arguments)", sourceLocation: sourceLocation)
    }

    @Test func theDetectorFindsKeysHoweverTheyAreSpelt() {
        let key = KeyLeak.encryptionKey
        for text in [key, key.lowercased(), Self.spaced(key), Self.spaced(key).lowercased(),
                     Self.spaced(key).replacingOccurrences(of: " ", with: ":"),
                     "value: " + Self.spaced(key).replacingOccurrences(of: " 08 ", with: "\n   08 ")] {
            #expect(KeyLeak.leaks(in: text, of: KeyLeak.allKeys) == ["EK"], "\(text)")
        }
        #expect(KeyLeak.leaks(in: "000102030405060708090A0B0C0D0E", of: KeyLeak.allKeys) == [])
    }

    @Test(arguments: formats, keySources)
    func decodeShowsNoKey(format: [String], keys: [String]) throws {
        let arguments = ["decode"] + format + keys + [Self.sample]
        let result = try CommandRunner.run(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        // The keys did open the session.
        #expect(result.stdout.contains("tag valid") || result.stdout.contains(#""tag":"valid""#))
        Self.expectNoLeak(result, of: KeyLeak.allKeys, arguments)
    }

    /// With `--show-secrets` the InitiateRequest's dedicated key may show (JSON shows it, which
    /// also proves the detector sees the format), but EK and AK still never do.
    @Test(arguments: formats, keySources)
    func decodeWithShowSecretsShowsTheDedicatedKeyOnly(format: [String], keys: [String]) throws {
        let arguments = ["decode"] + format + keys + ["--show-secrets", Self.sample]
        let result = try CommandRunner.run(arguments)
        #expect(result.status == 0)
        Self.expectNoLeak(result, of: KeyLeak.globalKeys, arguments)
        if format == ["-T", "json"] || format == ["-T", "xml"] || format.contains("-V") {
            #expect(KeyLeak.leaks(in: result.stdout, of: KeyLeak.allKeys) == ["dedicated key"], "\(arguments)")
        }
    }

    @Test(arguments: [["-T", "text"], ["-T", "json"]], keySources)
    func verifyShowsNoKey(format: [String], keys: [String]) throws {
        let arguments = ["verify"] + format + keys + [Self.sample]
        let result = try CommandRunner.run(arguments)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        Self.expectNoLeak(result, of: KeyLeak.allKeys, arguments)
    }

    /// A failing run prints findings (with messages naming entries and titles): still no key.
    @Test func aFailingVerifyShowsNoKey() throws {
        let path = try Fixtures.temporaryDirectory().appendingPathComponent("wrong-ak.keys.toml").path
        let wrongAK = "D0D1D2D3D4D5D6D7D8D9DADBDCDDDEDE"
        try Data(CipheredSession.keysFile.replacingOccurrences(of: KeyLeak.authenticationKey, with: wrongAK).utf8)
            .write(to: URL(fileURLWithPath: path))
        for format in ["text", "json"] {
            let arguments = ["verify", "-T", format, "-k", path, Self.sample]
            let result = try CommandRunner.run(arguments)
            #expect(result.status == 1)
            Self.expectNoLeak(result, of: KeyLeak.allKeys + [("wrong AK", wrongAK)], arguments)
        }
        let decode = try CommandRunner.run(["decode", "-T", "text", "-V", "-k", path, Self.sample])
        Self.expectNoLeak(decode, of: KeyLeak.allKeys + [("wrong AK", wrongAK)], ["decode", "-k", path])
    }

    @Test(arguments: [["-T", "json"], ["-T", "text", "-V"], ["-T", "xml"]])
    func pduShowsNoKey(format: [String]) throws {
        let aarq = try #require(try CipheredSession.apdus().first?.apdu)
        let arguments = ["pdu"] + format + ["--ek", KeyLeak.encryptionKey, "--ak", KeyLeak.authenticationKey, Hex.encode(aarq)]
        let result = try CommandRunner.run(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        Self.expectNoLeak(result, of: KeyLeak.allKeys, arguments)
        let secrets = try CommandRunner.run(arguments + ["--show-secrets"])
        Self.expectNoLeak(secrets, of: KeyLeak.globalKeys, arguments + ["--show-secrets"])
        if format == ["-T", "json"] {
            // The flags did open the glo-initiate-request: its dedicated key shows on request only.
            #expect(KeyLeak.leaks(in: secrets.stdout, of: KeyLeak.allKeys) == ["dedicated key"])
            #expect(result.stdout.contains(#""dedicatedKeyHidden":true"#))
        }
    }

    /// A bad keys file holding the good keys beside one bad value: the error names the field,
    /// never a value, good or bad.
    @Test func aBadKeysFileShowsNoKey() throws {
        let badDK = "00112233445566778899AABBCCDDEE"
        let file = CipheredSession.keysFile + "dk = \"\(badDK)\"\n"
        let path = try Fixtures.temporaryDirectory().appendingPathComponent("bad.keys.toml").path
        try Data(file.utf8).write(to: URL(fileURLWithPath: path))
        for command in ["decode", "verify"] {
            let arguments = [command, "-k", path, Self.sample]
            let result = try CommandRunner.run(arguments)
            #expect(result.status == 2)
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.contains("dk must be 16 or 32 bytes"), "\(result.stderr)")
            Self.expectNoLeak(result, of: KeyLeak.allKeys + [("bad dk", badDK)], arguments)
        }
    }

    /// A bad flag beside good ones: the same.
    @Test func aBadKeyFlagShowsNoKey() throws {
        let badAK = KeyLeak.authenticationKey.dropLast(1) + "X"
        for command in ["decode", "verify"] {
            let arguments = [command, "--ek", KeyLeak.encryptionKey, "--ak", String(badAK), "--dk", KeyLeak.dedicatedKey, Self.sample]
            let result = try CommandRunner.run(arguments)
            #expect(result.status == 2)
            #expect(result.stderr == "dlmscope: --ak is not hex\n")
            Self.expectNoLeak(result, of: KeyLeak.allKeys + [("bad ak", String(badAK.dropLast()))], arguments)
        }
    }
}
